import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import wan25.ErrorResponse;
import wan25.GenerateTaskRequest;
import wan25.GenerateTaskResponse;
import wan25.GenerationInput;
import wan25.Mode;
import wan25.RequestType;
import wan25.Resolution;
import wan25.ResultPayload;
import wan25.State;
import wan25.Task;
import wan25.TaskStatusResponse;

/**
 * Drives the Wan 2.5 API with the Java models that quicktype generated (package {@code wan25}, Jackson
 * annotations) and the JDK's HttpClient.
 *
 * <p>Usage: {@code java Main BASE_URL}. Run by {@code pnpm test:languages} against the mock; prints one
 * {@code ok <check>: ...} line per check and exits non-zero at the first check that fails.
 */
public final class Main {
  /**
   * Reads and writes the generated classes. It stands in for quicktype's {@code Converter}, which CI does
   * not compile (see docs/other-languages.md), with the same settings, and leaves unset optional fields
   * out of requests: the API rejects {@code null} for them.
   */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private static String baseUrl;

  public static void main(String[] args) throws Exception {
    baseUrl = args[0];
    try {
      run();
    } catch (CheckFailed failure) {
      System.err.println("FAIL " + failure.getMessage());
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    HttpResponse<String> submitted = call("POST", "/generateTask/wan-2-5-video", textToVideo(null), null);
    expect(submitted.statusCode() == 200, "submit answered " + submitted.statusCode() + ": " + submitted.body());
    String taskId = MAPPER.readValue(submitted.body(), GenerateTaskResponse.class).getData().getTaskID();
    expect(taskId != null && !taskId.isEmpty(), "submit answered no taskId: " + submitted.body());
    System.out.println("ok submit: taskId " + taskId);

    Task task = readStatus("example=success");
    expect(task.getState() == State.SUCCESS && task.getResultJSON() != null, "expected a succeeded task, got " + task.getState());
    List<String> urls = MAPPER.readValue(task.getResultJSON(), ResultPayload.class).getResultUrls();
    expect(!urls.isEmpty() && urls.stream().allMatch(url -> url.startsWith("https://")),
        "resultJson holds no https URLs: " + task.getResultJSON());
    expect(task.getCreateTime() > Integer.MAX_VALUE, "createTime " + task.getCreateTime() + " is not an epoch-millisecond time");
    System.out.println("ok succeeded: createTime " + task.getCreateTime() + ", resultUrls " + urls);

    task = readStatus("example=failedContentViolation");
    expect(task.getState() == State.FAILED, "expected a failed task, got " + task.getState());
    expect("CONTENT_VIOLATION".equals(task.getFailCode()), "expected failCode CONTENT_VIOLATION, got " + task.getFailCode());
    System.out.println("ok failed: failCode " + task.getFailCode());

    HttpResponse<String> rejected = call("POST", "/generateTask/wan-2-5-video", textToVideo(-1L), null);
    expect(rejected.statusCode() == 400, "a seed of -1 answered " + rejected.statusCode() + ", not 400: " + rejected.body());
    System.out.println("ok invalid: 400 " + MAPPER.readValue(rejected.body(), ErrorResponse.class).getMessage());
  }

  /** A text-to-video submit; the spec's seeds are 0 to 2147483647, so a seed of -1 makes it invalid. */
  private static String textToVideo(Long seed) throws Exception {
    GenerationInput input = new GenerationInput();
    input.setMode(Mode.TEXT_TO_VIDEO);
    input.setPrompt("a paper boat drifting down a rainy street");
    input.setResolution(Resolution.THE_720_P);
    input.setSeed(seed);
    GenerateTaskRequest request = new GenerateTaskRequest();
    request.setRequestType(RequestType.ASYNC);
    request.setInput(input);
    return MAPPER.writeValueAsString(request);
  }

  private static Task readStatus(String prefer) throws Exception {
    HttpResponse<String> answer = call("GET", "/statusTask/wan-2-5-video?taskId=task_12345678", null, prefer);
    expect(answer.statusCode() == 200, "status read (" + prefer + ") answered " + answer.statusCode() + ": " + answer.body());
    return MAPPER.readValue(answer.body(), TaskStatusResponse.class).getData();
  }

  /** Sends one request and answers its status and body, for error statuses too. */
  private static HttpResponse<String> call(String method, String path, String body, String prefer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer languages-test")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/json");
    if (prefer != null) request.header("Prefer", prefer);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(boolean condition, String message) {
    if (!condition) throw new CheckFailed(message);
  }

  private static final class CheckFailed extends RuntimeException {
    CheckFailed(String message) {
      super(message);
    }
  }
}
