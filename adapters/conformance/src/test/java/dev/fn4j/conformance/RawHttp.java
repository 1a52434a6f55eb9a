package dev.fn4j.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to a loopback server, for what no HTTP client sends: header values
 * with CR, LF or both, any request target, a chunked body without {@code Content-Length}. One
 * connection per request ({@code Connection: close}); the body is written on a thread of its own so
 * that a server that answers 413 before reading it all is still heard.
 */
final class RawHttp {

  private static final int TIMEOUT_MILLIS = 30_000;

  private RawHttp() {}

  /**
   * Sends a request and reads the answer.
   *
   * @param port the server's loopback port
   * @param request the request; its headers are written as they are
   * @param added headers the platform adds (written before the request's own)
   * @return the answer; its {@code extra} is the raw response head
   */
  static RawAnswer send(int port, RawRequest request, List<Map.Entry<String, String>> added) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      byte[] head = head(port, request, added);
      byte[] body = request.chunked() ? chunks(request.body()) : request.body();
      OutputStream out = socket.getOutputStream();
      Thread writer =
          new Thread(
              () -> {
                try {
                  out.write(head);
                  out.write(body);
                  out.flush();
                } catch (IOException serverStoppedReading) {
                  // The server answered before reading everything; its answer is read below.
                }
              },
              "fn4j-raw-http-writer");
      writer.setDaemon(true);
      writer.start();
      RawAnswer answer = read(socket.getInputStream(), request.method());
      writer.join(TIMEOUT_MILLIS);
      return answer;
    } catch (SocketTimeoutException e) {
      return RawAnswer.failed("no answer within " + TIMEOUT_MILLIS + " ms");
    } catch (IOException e) {
      return RawAnswer.failed("connection failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RawAnswer.failed("interrupted");
    }
  }

  private static byte[] head(int port, RawRequest request, List<Map.Entry<String, String>> added) {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (Map.Entry<String, String> header : added) {
      if (!request.omitted().contains(header.getKey().toLowerCase(Locale.ROOT))) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
    }
    for (Map.Entry<String, String> header : request.headers()) {
      head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
    }
    if (request.chunked()) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (request.header("Content-Length") == null
        && (request.body().length > 0 || !request.method().equals("GET"))) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] chunks(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int chunk = 8192;
    for (int at = 0; at < body.length; at += chunk) {
      int length = Math.min(chunk, body.length - at);
      out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, length);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static RawAnswer read(InputStream in, String method) throws IOException {
    String statusLine = line(in);
    if (statusLine == null) {
      return RawAnswer.failed("the server closed the connection without an answer");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      return RawAnswer.failed("not an HTTP answer: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    StringBuilder rawHead = new StringBuilder(statusLine).append('\n');
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
      rawHead.append(line).append('\n');
      int colon = line.indexOf(':');
      headers.add(
          colon < 0
              ? Map.entry(line, "")
              : Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
    }
    byte[] body = body(in, method, status, headers);
    return RawAnswer.of(status, headers, body, rawHead.toString());
  }

  private static byte[] body(
      InputStream in, String method, int status, List<Map.Entry<String, String>> headers)
      throws IOException {
    if (method.equals("HEAD") || status == 204 || status == 304 || status < 200) {
      return new byte[0];
    }
    String length = null;
    boolean chunked = false;
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        length = header.getValue();
      } else if (header.getKey().equalsIgnoreCase("Transfer-Encoding")) {
        chunked = header.getValue().toLowerCase(Locale.ROOT).contains("chunked");
      }
    }
    if (chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (String size = line(in); size != null; size = line(in)) {
        int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
        if (n == 0) {
          break;
        }
        out.write(in.readNBytes(n));
        line(in);
      }
      return out.toByteArray();
    }
    if (length != null) {
      return in.readNBytes(Integer.parseInt(length));
    }
    return in.readAllBytes();
  }

  /** Reads a line ended by LF (a CR before it dropped); null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b = in.read();
    if (b == -1) {
      return null;
    }
    while (b != -1 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
