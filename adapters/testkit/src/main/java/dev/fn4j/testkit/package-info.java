/**
 * Test support for fn4j functions and adapters.
 *
 * <ul>
 *   <li>{@link dev.fn4j.testkit.EventFiles}: the project's own event files, from the test class
 *       path ({@code events/<vendor>/<source>/<case>.json}).
 *   <li>{@link dev.fn4j.testkit.VendorFixtures} and {@link
 *       dev.fn4j.testkit.RequiresVendorFixtures}: the shared vendor payloads next to the checkout,
 *       and tests that run only when they are there and say so when they are not.
 *   <li>{@link dev.fn4j.testkit.LocalRunnerTest}, {@link dev.fn4j.testkit.LocalRunner} and {@link
 *       dev.fn4j.testkit.LocalRunnerExtension}: the local runner on a free loopback port, called
 *       through a {@link dev.fn4j.testkit.FunctionClient} that returns {@link
 *       dev.fn4j.testkit.Reply} values.
 *   <li>{@link dev.fn4j.testkit.LambdaRuntimeApiFake}: an in-process fake of the AWS Lambda Runtime
 *       API on a free loopback port; a test queues {@link dev.fn4j.testkit.LambdaEvent}s and waits
 *       for each {@link dev.fn4j.testkit.LambdaInvocationResult}, and reads {@link
 *       dev.fn4j.testkit.LambdaErrorReport}s.
 *   <li>{@link dev.fn4j.testkit.KnativeBrokerFake}: an in-process stand-in for a Knative Broker on
 *       a free loopback port, speaking CloudEvents over HTTP (binding 1.0; 0.3 read too). Its
 *       ingress records the {@link dev.fn4j.testkit.CloudEventMessage}s posted in binary,
 *       structured or batch mode (400 and {@link dev.fn4j.testkit.KnativeBrokerFake#rejected()} for
 *       anything else; queued statuses such as 503 on request), and it delivers events to a
 *       subscriber the way a Trigger does: {@code Prefer: reply}, retries on 404, 408, 409, 425,
 *       429, 5xx and connection failures as a {@link dev.fn4j.testkit.DeliveryPolicy} says, the
 *       outcome and the reply event in a {@link dev.fn4j.testkit.Delivery}.
 *   <li>{@link dev.fn4j.testkit.FcHostFake}: an in-process stand-in for the Alibaba Cloud Function
 *       Compute host in front of a custom runtime the test started: it sends the runtime's server
 *       what FC sends ({@code POST /invoke}, {@code POST /initialize}, {@code GET /pre-freeze},
 *       {@code GET /pre-stop}, HTTP function requests forwarded with {@code x-fc-control-path:
 *       /http-invoke}), each with a fresh {@code x-fc-request-id}, the {@code x-fc-*} common
 *       headers and fake {@link dev.fn4j.testkit.FcCredentials}, and returns {@link
 *       dev.fn4j.testkit.FcReply} values whose {@link dev.fn4j.testkit.FcReply#violations()} check
 *       {@code x-fc-status} and the status codes; {@link
 *       dev.fn4j.testkit.FcHostFake#environment(dev.fn4j.testkit.FcVersion, int)} gives the FC 3.0
 *       or FC 2.0 environment to start the runtime with.
 *   <li>{@link dev.fn4j.testkit.AzureFunctionsHostFake}: an in-process stand-in for the Azure
 *       Functions host in front of a custom handler the test started: the readiness probe ({@code
 *       GET /}), invocations as {@code POST /{function}} with the host's {@code Data}/{@code
 *       Metadata} payload for HTTP, queue, Service Bus, timer, blob and Event Grid triggers (both
 *       schemas; webhook deliveries and validation handshakes through an HTTP trigger), and raw
 *       requests forwarded as with {@code enableProxyingHttpRequest}; {@link
 *       dev.fn4j.testkit.AzureReply} values read {@code Outputs}, {@code Logs}, {@code ReturnValue}
 *       and the HTTP output, and {@link dev.fn4j.testkit.AzureReply#violations()} checks the
 *       answers; {@link dev.fn4j.testkit.AzureFunctionsHostFake#environment(int)} gives the
 *       handler's environment ({@code FUNCTIONS_CUSTOMHANDLER_PORT} and the app settings).
 *   <li>{@link dev.fn4j.testkit.JvmProcess}: a child JVM with captured output ({@code java -cp} or
 *       {@code java -jar}), for running a runtime such as the AWS Lambda runtime interface client
 *       against the fake.
 *   <li>{@link dev.fn4j.testkit.FunctionJar}: a packaged function jar and the ways the platforms
 *       start it: {@code java -jar} (fn4j's launcher), the AWS Lambda runtime interface client with
 *       a handler string, Google's Java function invoker with a {@code FUNCTION_TARGET}.
 *   <li>{@link dev.fn4j.testkit.Ports}: a free port for such a child, and the wait until it listens
 *       there, which fails as soon as the child exits.
 * </ul>
 *
 * <p>Nothing here reads or changes the process's environment or system properties on behalf of a
 * test, except that {@link dev.fn4j.testkit.VendorFixtures#find()} reads {@code fn4j.fixtures} and
 * {@code user.dir}, and {@link dev.fn4j.testkit.JvmProcess} reads {@code java.home}, {@code
 * java.class.path} and {@code surefire.test.class.path} and passes the locale variables on to the
 * child: settings are passed as values.
 */
package dev.fn4j.testkit;
