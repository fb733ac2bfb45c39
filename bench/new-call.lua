-- newCall POSTs with a callId unique to every request (thread number + counter).
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  prefix = "bench-" .. os.time() .. "-" .. id .. "-"
end

function request()
  counter = counter + 1
  local body = "event=newCall&from=493055571600&to=491711234567890&direction=in&callId="
    .. prefix .. counter .. "&user[]=Alice&user[]=Bob"
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
