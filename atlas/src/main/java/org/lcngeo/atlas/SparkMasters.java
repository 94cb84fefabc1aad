package org.lcngeo.atlas;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.scheduler.ExternalClusterManager;
import org.lcngeo.core.InvalidInputException;

/**
 * Checks a {@code --master} URL before any work starts, so that a URL Spark cannot use is bad
 * input (one {@code error:} line, exit 2, nothing written) instead of Spark's stack trace: the
 * forms Spark's own parser accepts ({@code local}, {@code local[N]}, {@code local[*]}, {@code
 * local[N,F]}, {@code local-cluster[N,C,M]}, {@code spark://host:port[,host:port...]}), or a URL
 * that a cluster manager on the class path accepts (YARN, Kubernetes: present under spark-submit of
 * a Spark built with them). A standalone master must answer a TCP connection on one of its
 * addresses within {@link #CONNECT_MILLIS}: a URL that reaches nothing is reported at once, not
 * after Spark's minute of retries.
 */
final class SparkMasters {
  static final int CONNECT_MILLIS = 5000;
  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(\\s*,\\s*(\\d+))?])?");
  private static final Pattern LOCAL_CLUSTER =
      Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^:/\\[\\]@\\s]+):(\\d{1,5})");
  private static final String FORMS = "local, local[N], local[*], local[N,F] or spark://host:port";

  private SparkMasters() {}

  /**
   * Throws {@link InvalidInputException} when Spark cannot use {@code master}, or when no
   * address of a standalone master answers.
   */
  static void check(String master) {
    String m = master.strip();
    Matcher local = LOCAL.matcher(m);
    if (local.matches()) {
      requirePositive(local.group(2), master, "threads");
      requirePositive(local.group(4), master, "task attempts");
      return;
    }
    Matcher cluster = LOCAL_CLUSTER.matcher(m);
    if (cluster.matches()) {
      for (int g = 1; g <= 3; g++) {
        requirePositive(cluster.group(g), master, "workers, cores and memory");
      }
      return;
    }
    if (m.startsWith("spark://")) {
      requireReachable(master, addresses(master, m.substring("spark://".length())));
      return;
    }
    for (ExternalClusterManager manager : ServiceLoader.load(ExternalClusterManager.class)) {
      if (manager.canCreate(m)) {
        return;
      }
    }
    throw new InvalidInputException("--master " + master + " is not a Spark master this Spark can"
        + " run: use " + FORMS + " (YARN and Kubernetes: spark-submit the jar with the cluster's"
        + " Spark)");
  }

  private static void requirePositive(String count, String master, String what) {
    if (count != null && !count.equals("*")
        && (count.length() > 9 || Integer.parseInt(count) < 1)) {
      throw new InvalidInputException("--master " + master + ": the " + what
          + " must be between 1 and 999999999");
    }
  }

  private static List<InetSocketAddress> addresses(String master, String hosts) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String hostPort : hosts.split(",", -1)) {
      Matcher hp = HOST_PORT.matcher(hostPort.strip());
      int port = hp.matches() ? Integer.parseInt(hp.group(2)) : 0;
      if (port < 1 || port > 65535) {
        throw new InvalidInputException("--master " + master + " is not a Spark master URL: '"
            + hostPort + "' is not host:port with a port 1..65535 (" + FORMS + ")");
      }
      String host = hp.group(1);
      if (host.startsWith("[")) {
        host = host.substring(1, host.length() - 1);
      }
      out.add(InetSocketAddress.createUnresolved(host, port));
    }
    return out;
  }

  private static void requireReachable(String master, List<InetSocketAddress> addresses) {
    List<String> why = new ArrayList<>();
    for (InetSocketAddress a : addresses) {
      try (Socket s = new Socket()) {
        InetSocketAddress resolved = new InetSocketAddress(a.getHostString(), a.getPort());
        if (resolved.isUnresolved()) {
          throw new UnknownHostException(a.getHostString());
        }
        s.connect(resolved, CONNECT_MILLIS);
        return;
      } catch (UnknownHostException e) {
        why.add(a.getHostString() + ": unknown host");
      } catch (IOException e) {
        why.add(a.getHostString() + ":" + a.getPort() + ": " + e.getMessage());
      }
    }
    throw new InvalidInputException("cannot reach the Spark master " + master + " ("
        + String.join("; ", why) + "): is it running, and is this its address?");
  }
}
