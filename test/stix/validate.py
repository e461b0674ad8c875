"""Validates STIX files with the OASIS validator (stix2-validator), as its CLI does with default
options; prints one JSON object per file: its validity, errors and warnings (their text)."""
import json
import sys

from stix2validator import ValidationOptions, validate_file

results = {}
for path in sys.argv[1:]:
    r = validate_file(path, ValidationOptions(version="2.1"))
    results[path] = {
        "valid": r.is_valid,
        "errors": [str(e) for o in r.object_results for e in o.errors] + ([str(r.fatal)] if getattr(r, "fatal", None) else []),
        "warnings": [str(w) for o in r.object_results for w in o.warnings],
    }
print(json.dumps(results))
