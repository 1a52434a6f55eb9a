package dev.fn4j.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A main class for {@link PortsTest}: a server that listens on the port it is given. */
public final class PortsTestMain {

  private PortsTestMain() {}

  /**
   * Listens on a port and accepts connections until it is stopped.
   *
   * @param args the port
   * @throws IOException when the port cannot be opened
   */
  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]))) {
      System.out.println("listening");
      System.out.flush();
      while (true) {
        try (Socket client = server.accept()) {
          client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
