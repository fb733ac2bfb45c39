package io.callstream.processor.contacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.callstream.schema.Contact;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes contacts to {@link Topics#CONTACTS}, keyed by normalised number; returns once Kafka has them. */
public final class ContactWriter {

    private final Producer<String, Contact> producer;
    private final String topic;
    private final Duration timeout;

    /** @param topic the contacts topic's name in this deployment */
    public ContactWriter(Producer<String, Contact> producer, String topic, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
    }

    public void put(List<ContactEntry> entries) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(entries.size());
        for (ContactEntry entry : entries) {
            sent.add(producer.send(new ProducerRecord<>(topic, entry.number(), entry.contact())));
        }
        producer.flush();
        sent.forEach(this::await);
    }

    /** Removes a contact: a tombstone for its number. */
    public void delete(String number) {
        await(producer.send(new ProducerRecord<>(topic, number, null)));
    }

    private void await(Future<RecordMetadata> write) {
        try {
            write.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the contacts in time: " + e, e);
        }
    }
}
