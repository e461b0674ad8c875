"""A TAXII 2.1 session with taxii2-client against the server at sys.argv[1] (its base URL): server
discovery, the API root, its collections, the incidents collection's objects (whole, by pages, after
a date, by type and by id) and its manifest. Prints what it saw as JSON; any failure raises."""
import json
import sys

from taxii2client.v21 import Server, as_pages

base = sys.argv[1].rstrip("/")
server = Server(f"{base}/taxii2/")
out = {"title": server.title, "api_roots": [r.url for r in server.api_roots], "default": server.default.url}
root = server.default
out["versions"] = root.versions
out["collections"] = [{"id": c.id, "title": c.title, "can_read": c.can_read, "can_write": c.can_write} for c in root.collections]
collection = root.collections[0]

whole = collection.get_objects()
out["objects"] = [o["id"] for o in whole.get("objects", [])]
out["more"] = whole.get("more")
out["types"] = sorted({o["type"] for o in whole.get("objects", [])})

pages = [p for p in as_pages(collection.get_objects, per_request=7)]
out["pages"] = len(pages)
out["paged"] = [o["id"] for p in pages for o in p.get("objects", [])]

manifest = collection.get_manifest()
out["manifest"] = manifest.get("objects", [])

middle = out["manifest"][len(out["manifest"]) // 2]["date_added"]
out["added_after"] = middle
out["after"] = [o["id"] for o in collection.get_objects(added_after=middle).get("objects", [])]

out["incidents"] = [o["id"] for o in collection.get_objects(type="incident").get("objects", [])]
first = out["objects"][0]
out["by_id"] = [o["id"] for o in collection.get_objects(id=first).get("objects", [])]
out["one"] = [o["id"] for o in collection.get_object(first).get("objects", [])]
print(json.dumps(out))
