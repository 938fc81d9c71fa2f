// Drives the Wan 2.5 API with the C# models that quicktype generated (namespace Wan25, Newtonsoft.Json)
// and HttpClient.
//
// Usage: mono program.exe BASE_URL
// Run by `pnpm test:languages` against the mock; prints one `ok <check>: ...` line per check and exits
// non-zero at the first check that fails.
using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using Wan25;

static class Program
{
    static readonly HttpClient Client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    static string baseUrl;

    static int Main(string[] args)
    {
        baseUrl = args[0];
        try
        {
            Run();
            return 0;
        }
        catch (CheckFailed failure)
        {
            Console.Error.WriteLine("FAIL " + failure.Message);
            return 1;
        }
    }

    static void Run()
    {
        var submitted = Call(HttpMethod.Post, "/generateTask/wan-2-5-video", TextToVideo(null), null);
        Expect(submitted.Item1 == 200, "submit answered " + submitted.Item1 + ": " + submitted.Item2);
        var taskId = GenerateTaskResponse.FromJson(submitted.Item2).Data.TaskId;
        Expect(!string.IsNullOrEmpty(taskId), "submit answered no taskId: " + submitted.Item2);
        Console.WriteLine("ok submit: taskId " + taskId);

        var task = ReadStatus("example=success");
        Expect(task.State == State.Success && task.ResultJson != null, "expected a succeeded task, got " + task.State);
        var urls = ResultPayload.FromJson(task.ResultJson).ResultUrls;
        Expect(urls.Length > 0 && urls.All(url => url.Scheme == "https"), "resultJson holds no https URLs: " + task.ResultJson);
        Expect(task.CreateTime > int.MaxValue, "createTime " + task.CreateTime + " is not an epoch-millisecond time");
        Console.WriteLine("ok succeeded: createTime " + task.CreateTime + ", resultUrls " + string.Join(", ", urls.Select(url => url.ToString())));

        task = ReadStatus("example=failedContentViolation");
        Expect(task.State == State.Failed, "expected a failed task, got " + task.State);
        Expect(task.FailCode == "CONTENT_VIOLATION", "expected failCode CONTENT_VIOLATION, got " + task.FailCode);
        Console.WriteLine("ok failed: failCode " + task.FailCode);

        var rejected = Call(HttpMethod.Post, "/generateTask/wan-2-5-video", TextToVideo(-1), null);
        Expect(rejected.Item1 == 400, "a seed of -1 answered " + rejected.Item1 + ", not 400: " + rejected.Item2);
        Console.WriteLine("ok invalid: 400 " + ErrorResponse.FromJson(rejected.Item2).Message);
    }

    /// <summary>A text-to-video submit; the spec's seeds are 0 to 2147483647, so a seed of -1 makes it invalid.</summary>
    static string TextToVideo(long? seed)
    {
        var request = new GenerateTaskRequest
        {
            RequestType = RequestType.Async,
            Input = new GenerationInput { Mode = Mode.TextToVideo, Prompt = "a paper boat drifting down a rainy street", Resolution = Resolution.The720P, Seed = seed },
        };
        return request.ToJson();
    }

    static Task ReadStatus(string prefer)
    {
        var answer = Call(HttpMethod.Get, "/statusTask/wan-2-5-video?taskId=task_12345678", null, prefer);
        Expect(answer.Item1 == 200, "status read (" + prefer + ") answered " + answer.Item1 + ": " + answer.Item2);
        return TaskStatusResponse.FromJson(answer.Item2).Data;
    }

    /// <summary>Sends one request and answers its status and body, for error statuses too.</summary>
    static Tuple<int, string> Call(HttpMethod method, string path, string body, string prefer)
    {
        var request = new HttpRequestMessage(method, baseUrl + path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer languages-test");
        if (prefer != null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
        if (body != null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using (var response = Client.SendAsync(request).Result)
        {
            return Tuple.Create((int)response.StatusCode, response.Content.ReadAsStringAsync().Result);
        }
    }

    static void Expect(bool condition, string message)
    {
        if (!condition) throw new CheckFailed(message);
    }

    sealed class CheckFailed : Exception
    {
        public CheckFailed(string message) : base(message) { }
    }
}
