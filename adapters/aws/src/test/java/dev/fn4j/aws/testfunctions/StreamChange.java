package dev.fn4j.aws.testfunctions;

import java.util.Map;

/**
 * A DynamoDB Streams record as fn4j hands it over (the whole record as JSON); only the fields the
 * tests read.
 *
 * @param eventID the record's id
 * @param eventName INSERT, MODIFY or REMOVE
 * @param dynamodb keys, images and the sequence number
 */
public record StreamChange(String eventID, String eventName, Map<String, Object> dynamodb) {}
