/**
 * The events Alibaba Cloud Function Compute's triggers deliver, as records a function declares as
 * its input: the trigger's event binds to the record through fn4j's JSON conversion, exactly as it
 * arrived.
 *
 * <table>
 *   <caption>Triggers, the type to declare, and the routing key fn4j routes them by</caption>
 *   <tr><th>trigger</th><th>declare</th><th>routing keys (most specific first)</th></tr>
 *   <tr><td>OSS (native)</td><td>{@link dev.fn4j.alibaba.event.OssEvent}</td><td>{@code
 *       oss:<eventName>} (for example {@code oss:ObjectCreated:PutObject}), {@code oss}</td></tr>
 *   <tr><td>CDN events</td><td>{@link dev.fn4j.alibaba.event.CdnEvent}</td><td>{@code
 *       cdn:<eventName>} (for example {@code cdn:CachedObjectsRefreshed}), {@code cdn}</td></tr>
 *   <tr><td>timer</td><td>{@link dev.fn4j.alibaba.event.TimerEvent}</td><td>{@code
 *       timer:<triggerName>}, {@code timer}</td></tr>
 *   <tr><td>MNS topic, JSON format</td><td>{@link dev.fn4j.alibaba.event.MnsTopicMessage}</td><td>
 *       {@code mns:topic:<TopicName>}, {@code mns:topic}</td></tr>
 *   <tr><td>Simple Log Service</td><td>{@link dev.fn4j.alibaba.event.SlsEvent}</td><td>{@code
 *       sls:<logstoreName>}, {@code sls}</td></tr>
 *   <tr><td>HTTP trigger of a built-in runtime (FC 3.0, {@code version: v1})</td><td>{@link
 *       dev.fn4j.alibaba.event.HttpTriggerEvent} for the raw event; otherwise fn4j maps it to an
 *       HTTP request</td><td>the {@code rawPath}, as any HTTP request</td></tr>
 *   <tr><td>EventBridge-based triggers (MNS queue, ApsaraMQ for RocketMQ, ApsaraMQ for Kafka,
 *       ...)</td><td>the data: {@link dev.fn4j.alibaba.event.MnsQueueMessage}, {@link
 *       dev.fn4j.alibaba.event.RocketMqMessage}, {@link dev.fn4j.alibaba.event.KafkaMessage} (or a
 *       {@code List} of them for the whole batch); or {@link
 *       dev.fn4j.alibaba.event.EventBridgeCloudEvent} for the envelope</td><td>the CloudEvent's
 *       {@code type} (for example {@code mns:Queue:SendMessage}, {@code mq:Topic:SendMessage},
 *       {@code alikafka:Topic:Message})</td></tr>
 * </table>
 *
 * <p>Map a routing key to a function with {@code FN4J_ROUTING_TYPES} ({@code
 * oss:ObjectCreated:PutObject=thumbnail}), or name a function after one ({@code oss}, {@code
 * timer}); with a single function nothing needs configuring.
 *
 * <p>The records keep FC's member names, so Jackson binds them without annotations; annotations
 * appear only where FC's names are PascalCase ({@code TopicOwner}) or not Java names ({@code
 * data_base64}), where members FC flattens into the top level are collected ({@link
 * dev.fn4j.alibaba.event.MnsTopicMessage#attributes()}), and where an absent flag reads as {@code
 * false}. Members these records do not name are ignored. Times stay the text FC sent; numbers are
 * boxed, so an absent number is {@code null} rather than a failure. Lists and maps are never {@code
 * null}: an absent one is empty, and all of them are unmodifiable.
 */
package dev.fn4j.alibaba.event;
