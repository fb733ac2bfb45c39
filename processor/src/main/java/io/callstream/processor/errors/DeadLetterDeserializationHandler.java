package io.callstream.processor.errors;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** A record that cannot be read goes to the dead-letter topic; processing carries on. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> settings) {
        deadLetters = DeadLetters.from(settings);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        deadLetters.send(record.topic(), record.partition(), record.offset(), record.key(), record.value(), exception,
                context.processorNodeId());
        return DeserializationHandlerResponse.CONTINUE;
    }
}
