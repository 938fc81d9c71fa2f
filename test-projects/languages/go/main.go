// Drives the Wan 2.5 API with the Go models that quicktype generated (package wan25) and net/http.
//
// Usage: go build -o program . && ./program BASE_URL
// Run by `pnpm test:languages` against the mock; prints one `ok <check>: ...` line per check and exits
// non-zero at the first check that fails.
package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"strings"
	"time"

	"wan25example/wan25"
)

var (
	baseURL = os.Args[1]
	client  = &http.Client{Timeout: 30 * time.Second}
)

// call sends one request and answers its status and body, for error statuses too.
func call(method, path string, body []byte, prefer string) (int, []byte) {
	request, err := http.NewRequest(method, baseURL+path, bytes.NewReader(body))
	check(err == nil, "building %s %s: %v", method, path, err)
	request.Header.Set("Authorization", "Bearer languages-test")
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	if prefer != "" {
		request.Header.Set("Prefer", prefer)
	}
	response, err := client.Do(request)
	check(err == nil, "%s %s: %v", method, path, err)
	defer response.Body.Close()
	answer, err := io.ReadAll(response.Body)
	check(err == nil, "reading the answer to %s %s: %v", method, path, err)
	return response.StatusCode, answer
}

func check(condition bool, format string, args ...any) {
	if !condition {
		fmt.Fprintf(os.Stderr, "FAIL "+format+"\n", args...)
		os.Exit(1)
	}
}

// textToVideo encodes a text-to-video submit; the spec's seeds are 0 to 2147483647, so a seed of -1
// makes it invalid.
func textToVideo(seed *int64) []byte {
	prompt, resolution := "a paper boat drifting down a rainy street", wan25.The720P
	request := wan25.GenerateTaskRequest{
		RequestType: wan25.Async,
		Input:       wan25.GenerationInput{Mode: wan25.TextToVideo, Prompt: &prompt, Resolution: &resolution, Seed: seed},
	}
	body, err := request.Marshal()
	check(err == nil, "encoding the request: %v", err)
	return body
}

func readStatus(prefer string) wan25.Task {
	status, body := call("GET", "/statusTask/wan-2-5-video?taskId=task_12345678", nil, prefer)
	check(status == 200, "status read (%s) answered %d: %s", prefer, status, body)
	answer, err := wan25.UnmarshalTaskStatusResponse(body)
	check(err == nil, "decoding the status (%s): %v", prefer, err)
	return answer.Data
}

func main() {
	status, body := call("POST", "/generateTask/wan-2-5-video", textToVideo(nil), "")
	check(status == 200, "submit answered %d: %s", status, body)
	submitted, err := wan25.UnmarshalGenerateTaskResponse(body)
	check(err == nil && submitted.Data.TaskID != "", "decoding the submit answer %s: %v", body, err)
	fmt.Printf("ok submit: taskId %s\n", submitted.Data.TaskID)

	task := readStatus("example=success")
	check(task.State == wan25.Success && task.ResultJSON != nil, "expected a succeeded task, got %+v", task)
	result, err := wan25.UnmarshalResultPayload([]byte(*task.ResultJSON))
	check(err == nil && len(result.ResultUrls) > 0, "resultJson %q holds no resultUrls: %v", *task.ResultJSON, err)
	for _, url := range result.ResultUrls {
		check(strings.HasPrefix(url, "https://"), "result URL %q is not https", url)
	}
	check(task.CreateTime > math.MaxInt32, "createTime %d is not an epoch-millisecond time", task.CreateTime)
	fmt.Printf("ok succeeded: createTime %d, resultUrls %v\n", task.CreateTime, result.ResultUrls)

	task = readStatus("example=failedContentViolation")
	check(task.State == wan25.Failed && task.FailCode != nil, "expected a failed task, got %+v", task)
	check(*task.FailCode == "CONTENT_VIOLATION", "expected failCode CONTENT_VIOLATION, got %s", *task.FailCode)
	fmt.Printf("ok failed: failCode %s\n", *task.FailCode)

	invalidSeed := int64(-1)
	status, body = call("POST", "/generateTask/wan-2-5-video", textToVideo(&invalidSeed), "")
	check(status == 400, "a seed of -1 answered %d, not 400: %s", status, body)
	problem, err := wan25.UnmarshalErrorResponse(body)
	check(err == nil, "decoding the 400 answer %s: %v", body, err)
	message := ""
	if problem.Message != nil {
		message = *problem.Message
	}
	fmt.Printf("ok invalid: 400 %s\n", message)
}
