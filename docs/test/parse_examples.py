"""Parses every example of the spec with the Python models that quicktype generated from its schemas.

Usage: python3 parse_examples.py MODELS_DIR EXAMPLES_JSON
EXAMPLES_JSON lists {"where", "schema", "value"}. Each value must parse with the `<schema>_from_dict`
function of MODELS_DIR/wan25_models.py and come back unchanged from `<schema>_to_dict`; a succeeded
task's `resultJson` must parse as a ResultPayload. Prints {"parsed": [...], "failed": [...]} as JSON.
"""

import importlib
import json
import sys

models_dir, examples_file = sys.argv[1:]
sys.path.insert(0, models_dir)
models = importlib.import_module("wan25_models")


def converters(schema):
    """quicktype names them after the schema in snake case, e.g. TextToVideo480pInput -> text_to_video480_p_input."""
    key = schema.lower()
    for name in dir(models):
        if name.endswith("_from_dict") and name[: -len("_from_dict")].replace("_", "") == key:
            stem = name[: -len("_from_dict")]
            return getattr(models, f"{stem}_from_dict"), getattr(models, f"{stem}_to_dict")
    raise LookupError(f"wan25_models has no converter for the schema {schema}")


def parse(example):
    from_dict, to_dict = converters(example["schema"])
    value = example["value"]
    parsed = from_dict(value)
    if to_dict(parsed) != value:
        raise ValueError(f"did not round-trip: {to_dict(parsed)!r}")
    result_json = value.get("data", {}).get("resultJson") if isinstance(value, dict) else None
    if result_json is not None:
        result_from_dict, _ = converters("ResultPayload")
        if not result_from_dict(json.loads(result_json)).result_urls:
            raise ValueError("resultJson has no resultUrls")


report = {"parsed": [], "failed": []}
with open(examples_file, encoding="utf-8") as file:
    for example in json.load(file):
        try:
            parse(example)
            report["parsed"].append(example["where"])
        except Exception as error:  # every failure is reported, whatever its kind
            report["failed"].append({"where": example["where"], "error": f"{type(error).__name__}: {error}"})
print(json.dumps(report, indent=2))
