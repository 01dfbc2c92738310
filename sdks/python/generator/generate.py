"""Renders repurch/_generated/{models,operations}.py from openapi/v1.json (standard library only).

    python3 sdks/python/generator/generate.py openapi/v1.json OUT_DIR

writes OUT_DIR/repurch/_generated/..., laid out as under sdks/python. The output depends only on the
document: schemas and operations are sorted by name, so two runs give the same bytes.
"""
import json
import keyword
import re
import sys
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).resolve().parent / "templates"
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
METHODS = ("get", "post", "put", "patch", "delete")


def template(name):
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def snake(name):
    """CreateBulkJob -> create_bulk_job, sellerId -> seller_id, Idempotency-Key -> idempotency_key."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", name)
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower().strip("_")
    return name + "_" if keyword.iskeyword(name) else name


def identifier(name):
    """A property name usable as a class field (functional TypedDict syntax otherwise)."""
    return name.isidentifier() and not keyword.iskeyword(name)


def doc(text):
    """Text safe inside a triple-quoted docstring, whitespace collapsed to one line."""
    text = " ".join((text or "").split())
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').rstrip('"') or "-"


def optional(types):
    """Union of the rendered types, Optional[...] when None is one of them."""
    unique = list(dict.fromkeys(types))
    nullable = "None" in unique
    rest = [t for t in unique if t != "None"]
    if not rest:
        return "None"
    inner = rest[0] if len(rest) == 1 else "Union[" + ", ".join(rest) + "]"
    if "Any" in rest:
        inner = "Any"
    return "Optional[" + inner + "]" if nullable and inner != "Any" else inner


def py_type(schema, quote):
    """The Python annotation for a schema; quote=True quotes model names (for code evaluated at import)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return '"' + name + '"' if quote else name
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return optional([py_type(s, quote) for s in schema[key]])
    if "allOf" in schema:
        return py_type(schema["allOf"][0], quote) if len(schema["allOf"]) == 1 else "Dict[str, Any]"
    types = schema.get("type")
    types = types if isinstance(types, list) else [types] if types else []
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        literal = "Literal[" + ", ".join(json.dumps(v) for v in values) + "]"
        return optional([literal] + (["None"] if None in schema["enum"] or "null" in types else []))
    if not types:
        return "Any"
    rendered = []
    for t in types:
        if t == "array":
            rendered.append("List[" + py_type(schema.get("items", {}), quote) + "]")
        elif t == "object":
            extra = schema.get("additionalProperties")
            rendered.append("Dict[str, " + (py_type(extra, quote) if isinstance(extra, dict) else "Any") + "]")
        else:
            rendered.append(SCALARS.get(t, "Any"))
    return optional(rendered)


def field_type(schema, required, quote):
    rendered = py_type(schema, quote)
    return rendered if required else "NotRequired[" + rendered + "]"


def render_models(document):
    classes, aliases = [], []
    for name in sorted(document["components"]["schemas"]):
        schema = document["components"]["schemas"][name]
        # An object with properties is a TypedDict; a bare map (additionalProperties only) an alias.
        is_object = schema.get("type") == "object" and ("properties" in schema or not isinstance(schema.get("additionalProperties"), dict))
        if not is_object:
            aliases.append(name + " = " + py_type(schema, quote=True))
            continue
        required = set(schema.get("required", []))
        props = schema.get("properties", {})
        text = doc(schema.get("description") or name + " (components.schemas." + name + ").")
        odd = [p for p in props if not identifier(p)]
        if odd:
            fields = "\n".join('    "' + p + '": ' + field_type(s, p in required, True) + "," for p, s in sorted(props.items()))
            classes.append(template("model_functional.tmpl").substitute(name=name, odd=", ".join(odd), fields=fields))
        else:
            fields = "\n".join("    " + p + ": " + field_type(s, p in required, False) for p, s in sorted(props.items())) or "    pass"
            classes.append(template("model_class.tmpl").substitute(name=name, doc=text, fields=fields))
    return "".join(classes).strip("\n"), ("\n\n\n" + "\n".join(aliases)) if aliases else ""


def success(operation):
    """The declared 2xx answer's type: the JSON model, None for an empty 204, bytes for a file."""
    for status in sorted(operation["responses"]):
        if not status.startswith("2"):
            continue
        content = operation["responses"][status].get("content", {})
        if "application/json" in content:
            return py_type(content["application/json"].get("schema", {}), quote=False)
        if content:
            return "bytes"
        return "None" if status == "204" else "Any"
    return "Any"


def render_operation(method, path, operation):
    params = operation.get("parameters", [])
    by_place = {place: [p for p in params if p["in"] == place] for place in ("path", "query", "header")}
    order = re.findall(r"{([^}]+)}", path)
    path_params = sorted(by_place["path"], key=lambda p: order.index(p["name"]))
    signature = ["self"] + [snake(p["name"]) + ": " + py_type(p.get("schema", {}), False) for p in path_params]
    body = "None"
    request = operation.get("requestBody")
    if request and "application/json" in request.get("content", {}):
        model = py_type(request["content"]["application/json"].get("schema", {}), False)
        signature.append("body: " + model if request.get("required") else "body: Optional[" + model + "] = None")
        body = "body"
    keywords = []
    for p in sorted(by_place["query"], key=lambda p: (not p.get("required", False), p["name"])) + by_place["header"]:
        kind = py_type(p.get("schema", {}), False)
        keywords.append(snake(p["name"]) + ": " + kind if p.get("required") else snake(p["name"]) + ": Optional[" + kind + "] = None")
    if keywords:
        signature += ["*"] + keywords
    summary = operation.get("summary") or operation["operationId"]
    return template("operation.tmpl").substitute(
        name=snake(operation["operationId"]),
        signature=", ".join(signature),
        returns=success(operation),
        doc=doc(summary.rstrip(".") + ": " + method.upper() + " " + path + "."),
        method=method.upper(),
        path=path,
        path_params=", ".join('"' + p["name"] + '": ' + snake(p["name"]) for p in path_params),
        query=", ".join('"' + p["name"] + '": ' + snake(p["name"]) for p in by_place["query"]),
        body=body,
        headers=", ".join('"' + p["name"] + '": ' + snake(p["name"]) for p in by_place["header"]),
    )


def render_operations(document):
    found = []
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                found.append((snake(item[method]["operationId"]), method, path, item[method]))
    names = [f[0] for f in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit("operationIds that give the same method name: " + ", ".join(duplicates))
    return "".join(render_operation(m, p, o) for _, m, p, o in sorted(found, key=lambda f: f[0]))


def main(source, out):
    document = json.loads(Path(source).read_text(encoding="utf-8"))
    info = {"title": document["info"]["title"], "version": document["info"]["version"]}
    target = Path(out) / "repurch" / "_generated"
    target.mkdir(parents=True, exist_ok=True)
    classes, aliases = render_models(document)
    files = {
        "__init__.py": "# Generated by sdks/python/generator/generate.py: do not edit.\n",
        "models.py": template("models.py.tmpl").substitute(info, classes=classes, aliases=aliases).rstrip("\n") + "\n",
        "operations.py": template("operations.py.tmpl").substitute(info, methods=render_operations(document)).rstrip("\n") + "\n",
    }
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: generate.py openapi/v1.json OUT_DIR")
    main(sys.argv[1], sys.argv[2])
