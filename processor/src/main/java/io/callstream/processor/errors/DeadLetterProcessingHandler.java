package io.callstream.processor.errors;

import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record whose processing fails (a key that does not match its event, say) goes to the
 * dead-letter topic as it was read; processing carries on with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> settings) {
        deadLetters = DeadLetters.from(settings);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        deadLetters.send(context.topic(), context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue(), exception, context.processorNodeId());
        return ProcessingHandlerResponse.CONTINUE;
    }
}
