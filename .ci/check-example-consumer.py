"""CI: the example consumer (examples/python-consumer) prints the same totals as /api/v1/stats/today.

Runs it against a running launcher until its 'site' row of the given site equals the API's figures
for today (the topic follows the stores within a moment), or fails after 60 s showing both.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from zoneinfo import ZoneInfo

FIGURES = ["offered", "answered", "missed", "abandoned_short", "rejected", "timed_out", "outbound",
           "outbound_connected"]
api, bootstrap, site = sys.argv[1], sys.argv[2], sys.argv[3]
token = os.environ["CALLSTREAM_API_TOKEN"]
example = os.path.join(os.path.dirname(__file__), "..", "examples", "python-consumer", "read_topics.py")


def from_api():
    request = urllib.request.Request(api + "/api/v1/stats/today?site=" + site,
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        today = json.load(response)
    start = datetime.fromisoformat(today["today"]["start"].replace("Z", "+00:00"))
    day = start.astimezone(ZoneInfo(today["time_zone"])).date().isoformat()
    return day, {figure: str(today["today"][figure]) for figure in FIGURES}


def from_example():
    printed = subprocess.run([sys.executable, example, "--bootstrap", bootstrap, "--api", api], check=True,
                             capture_output=True, text=True).stdout
    lines = printed.splitlines()
    header = lines[1].split()
    for line in lines[2:]:
        cells = dict(zip(header, line.split()))
        if cells.get("site") == site and cells.get("dimension") == "site":
            return printed, cells["day"], {figure: cells[figure] for figure in FIGURES}
    return printed, None, None


deadline = time.monotonic() + 60
while True:
    printed, day, example_figures = from_example()
    api_day, api_figures = from_api()
    if day == api_day and example_figures == api_figures and int(api_figures["offered"]) > 0:
        print(printed)
        print("example consumer == /api/v1/stats/today for %s on %s: %s" % (site, day, api_figures))
        break
    if time.monotonic() > deadline:
        print(printed)
        sys.exit("example consumer %s %s != /api/v1/stats/today %s %s" % (day, example_figures, api_day, api_figures))
    time.sleep(1)
