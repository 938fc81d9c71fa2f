"""Drives the Wan 2.5 API with the Python models that quicktype generated (wan25_models.py) and urllib.

Usage: python3 main.py BASE_URL
Run by `pnpm test:languages` against the mock; prints one `ok <check>: ...` line per check and exits
non-zero at the first check that fails.
"""

import json
import sys
import urllib.error
import urllib.request

from wan25_models import (
    GenerateTaskRequest,
    GenerationInput,
    Mode,
    RequestType,
    Resolution,
    State,
    error_response_from_dict,
    generate_task_request_to_dict,
    generate_task_response_from_dict,
    result_payload_from_dict,
    task_status_response_from_dict,
)

base_url = sys.argv[1]
PROMPT = "a paper boat drifting down a rainy street"


def call(method, path, body=None, prefer=None):
    """Sends one request and answers (status, decoded JSON body), for error statuses too."""
    request = urllib.request.Request(base_url + path, method=method)
    request.add_header("Authorization", "Bearer languages-test")
    if prefer is not None:
        request.add_header("Prefer", prefer)
    data = None
    if body is not None:
        request.add_header("Content-Type", "application/json")
        data = json.dumps(body).encode("utf-8")
    try:
        with urllib.request.urlopen(request, data, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def expect(condition, message):
    if not condition:
        raise SystemExit(f"FAIL {message}")


def text_to_video(seed=None):
    """A text-to-video submit; the spec's seeds are 0 to 2147483647, so a seed of -1 makes it invalid."""
    request = GenerateTaskRequest(
        input=GenerationInput(mode=Mode.TEXT_TO_VIDEO, prompt=PROMPT, resolution=Resolution.THE_720_P, seed=seed),
        request_type=RequestType.ASYNC,
    )
    return generate_task_request_to_dict(request)


def read_status(prefer):
    status, body = call("GET", "/statusTask/wan-2-5-video?taskId=task_12345678", prefer=prefer)
    expect(status == 200, f"status read ({prefer}) answered {status}: {body}")
    return task_status_response_from_dict(body).data


status, body = call("POST", "/generateTask/wan-2-5-video", text_to_video())
expect(status == 200, f"submit answered {status}: {body}")
task_id = generate_task_response_from_dict(body).data.task_id
expect(task_id != "", "submit answered an empty taskId")
print(f"ok submit: taskId {task_id}")

task = read_status("example=success")
expect(task.state == State.SUCCESS and task.result_json is not None, f"expected a succeeded task, got {task}")
urls = result_payload_from_dict(json.loads(task.result_json)).result_urls
expect(len(urls) > 0 and all(url.startswith("https://") for url in urls), f"resultJson holds no https URLs: {urls}")
expect(task.create_time > 2**31, f"createTime {task.create_time} is not an epoch-millisecond time")
print(f"ok succeeded: createTime {task.create_time}, resultUrls {urls}")

task = read_status("example=failedContentViolation")
expect(task.state == State.FAILED, f"expected a failed task, got {task}")
expect(task.fail_code == "CONTENT_VIOLATION", f"expected failCode CONTENT_VIOLATION, got {task.fail_code}")
print(f"ok failed: failCode {task.fail_code}")

status, body = call("POST", "/generateTask/wan-2-5-video", text_to_video(seed=-1))
expect(status == 400, f"a seed of -1 answered {status}, not 400: {body}")
error = error_response_from_dict(body)
print(f"ok invalid: 400 {error.message}")
