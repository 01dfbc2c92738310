#!/usr/bin/env python3
"""Renders sdks/php/src/Generated/ from openapi/v1.json (standard library only).

usage: generate.py OPENAPI_JSON OUT_DIR

One final readonly class per component schema (constructor-promoted typed properties, fromArray, toArray)
and the Operations trait (one typed method per operation). Output depends only on the document: files are
written in sorted order with no timestamps, so two runs give the same bytes.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MUTATIONS = {"post", "put", "patch", "delete"}


def template(name):
    with open(os.path.join(HERE, "templates", name), encoding="utf-8") as f:
        return f.read()


def render(text, **values):
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def camel(name):
    parts = re.split(r"[^A-Za-z0-9]+", name)
    first, rest = parts[0], parts[1:]
    return first[:1].lower() + first[1:] + "".join(p[:1].upper() + p[1:] for p in rest)


def doc_lines(text, indent):
    """A description as PHPDoc lines (no */ inside, trailing spaces trimmed)."""
    lines = (text or "").replace("*/", "*&#47;").strip().splitlines() or [""]
    return "\n".join((indent + " * " + line).rstrip() for line in lines)


class Types:
    def __init__(self, schemas):
        self.schemas = schemas

    def is_object(self, name):
        s = self.schemas[name]
        return "properties" in s and "oneOf" not in s

    def resolve(self, schema):
        """(php type, phpdoc type, nullable, kind, class) for a property schema."""
        nullable = False
        if "oneOf" in schema:
            others = [s for s in schema["oneOf"] if s.get("type") != "null"]
            if len(others) == 1 and len(others) < len(schema["oneOf"]):
                php, doc, _, kind, cls = self.resolve(others[0])
                return php, doc, True, kind, cls
            return "mixed", "mixed", True, "mixed", None
        if "$ref" in schema:
            name = schema["$ref"].split("/")[-1]
            if self.is_object(name):
                return name, name, False, "ref", name
            return "mixed", "mixed", True, "mixed", None
        types = schema.get("type")
        if isinstance(types, list):
            nullable = "null" in types
            types = [t for t in types if t != "null"]
            types = types[0] if len(types) == 1 else None
        if types == "string":
            if schema.get("enum"):
                # An enum stays a string (an unknown value from a newer API must still decode), typed in PHPDoc.
                return "string", "|".join("'" + v + "'" for v in schema["enum"] if isinstance(v, str)), nullable, "scalar", None
            return "string", "string", nullable, "scalar", None
        if types == "integer":
            return "int", "int", nullable, "scalar", None
        if types == "number":
            return "float", "float", nullable, "float", None
        if types == "boolean":
            return "bool", "bool", nullable, "scalar", None
        if types == "array":
            item = schema.get("items", {})
            _, idoc, _, ikind, icls = self.resolve(item)
            kind = {"ref": "refs", "float": "floats"}.get(ikind, "array")
            return "array", "list<" + idoc + ">", nullable, kind, icls
        if types == "object":
            return "array", "array<string, mixed>", nullable, "array", None
        return "mixed", "mixed", True, "mixed", None


def model(name, schema, types):
    required = schema.get("required", [])
    props = []
    for key, prop in schema["properties"].items():
        php, doc, nullable, kind, cls = types.resolve(prop)
        props.append({"key": key, "var": camel(key), "php": php, "doc": doc, "nullable": nullable or key not in required,
                      "required": key in required, "kind": kind, "cls": cls, "description": prop.get("description", "")})
    # Required parameters first: PHP deprecates a required parameter after an optional one.
    ordered = [p for p in props if p["required"]] + [p for p in props if not p["required"]]
    params, from_lines, to_lines, constants = [], [], [], []
    for p in props:
        for value in schema["properties"][p["key"]].get("enum") or []:
            if isinstance(value, str):
                constant = re.sub(r"[^A-Za-z0-9]+", "_", p["key"] + "_" + value).strip("_").upper()
                constants.append("    public const " + constant + " = '" + value + "';")
    for p in ordered:
        php = p["php"] if p["php"] == "mixed" or not p["nullable"] else "?" + p["php"]
        lines = []
        if p["description"]:
            lines.append(doc_lines(p["description"], "        "))
        if p["doc"] != p["php"]:
            lines.append("         * @var " + (p["doc"] + "|null" if p["nullable"] else p["doc"]))
        if lines:
            params.append("        /**\n" + "\n".join(lines) + "\n         */")
        params.append("        public " + php + " $" + p["var"] + ("," if p["required"] else " = null,"))
    for p in ordered:
        src = "$data['" + p["key"] + "']"
        kind, cls = p["kind"], p["cls"]
        if kind == "ref":
            value = cls + "::fromArray(" + src + ")"
        elif kind == "refs":
            value = "array_map(" + cls + "::fromArray(...), " + src + ")"
        elif kind == "float":
            value = "(float) " + src
        elif kind == "floats":
            value = "array_map('floatval', " + src + ")"
        else:
            value = src
        if p["nullable"]:
            value = src + " ?? null" if value == src else "isset(" + src + ") ? " + value + " : null"
        from_lines.append("            " + p["var"] + ": " + value + ",")
    for p in props:
        this = "$this->" + p["var"]
        if p["kind"] == "ref":
            value = this + ("?->toArray()" if p["nullable"] else "->toArray()")
        elif p["kind"] == "refs":
            value = "array_map(static fn (" + p["cls"] + " $item): array => $item->toArray(), " + this + ")"
            if p["nullable"]:
                value = this + " === null ? null : " + value
        else:
            value = this
        line = "$data['" + p["key"] + "'] = " + value + ";"
        if p["required"]:
            to_lines.append("        " + line)
        else:
            to_lines.append("        if (" + this + " !== null) {\n            " + line + "\n        }")
    doc = doc_lines(schema.get("description") or name + " (components.schemas." + name + ").", "")
    return render(template("model.php.tmpl"), name=name, doc=doc, params="\n".join(params),
                  constants="".join(c + "\n" for c in constants) + ("\n" if constants else ""),
                  **{"from": "\n".join(from_lines), "to": "\n".join(to_lines)})


def value_class(name, schema):
    doc = doc_lines(schema.get("description") or name + " (components.schemas." + name + ").", "")
    return render(template("value.php.tmpl"), name=name, doc=doc)


def literal_doc(schema):
    if "enum" in schema:
        return "|".join("'" + str(v) + "'" for v in schema["enum"])
    return {"integer": "int", "number": "float", "boolean": "bool"}.get(schema.get("type"), "string")


def operation(path, method, op, types):
    name = camel(op["operationId"])
    params, options, doc = [], [], []
    summary = op.get("summary") or op["operationId"]
    doc.append("     * " + summary.rstrip(".") + ": " + method.upper() + " " + path + ".")
    path_params = [p for p in op.get("parameters", []) if p["in"] == "path"]
    query_params = [p for p in op.get("parameters", []) if p["in"] == "query"]
    header_params = [p for p in op.get("parameters", []) if p["in"] == "header" and p["name"].lower() != "idempotency-key"]
    if path_params:
        pairs = []
        for p in path_params:
            php = "int" if p.get("schema", {}).get("type") == "integer" else "string"
            params.append(php + " $" + camel(p["name"]))
            pairs.append("'" + p["name"] + "' => $" + camel(p["name"]))
        options.append("'path' => [" + ", ".join(pairs) + "]")
    body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if body:
        cls = body["$ref"].split("/")[-1] if "$ref" in body else None
        if cls and types.is_object(cls):
            params.append(cls + "|array $body" + ("" if op["requestBody"].get("required") else " = []"))
            doc.append("     * @param " + cls + "|array<string, mixed> $body")
            options.append("'body' => $body instanceof " + cls + " ? $body->toArray() : $body")
        else:
            params.append("mixed $body")
            options.append("'body' => $body")
    if query_params:
        shape = ", ".join(p["name"] + "?: " + literal_doc(p.get("schema", {})) for p in query_params)
        params.append("array $query = []")
        doc.append("     * @param array{" + shape + "} $query")
        options.append("'query' => $query")
    for p in header_params:
        params.append("?string $" + camel(p["name"]) + " = null")
        options.append("'headers' => $" + camel(p["name"]) + " === null ? [] : ['" + p["name"] + "' => $" + camel(p["name"]) + "]")
    if method in MUTATIONS:
        params.append("?string $idempotencyKey = null")
        doc.append("     * @param ?string $idempotencyKey kept across retries; the SDK generates one when null")
        options.append("'idempotencyKey' => $idempotencyKey")
    codes = sorted(c for c in op["responses"] if c.startswith("2"))
    response = op["responses"][codes[0]] if codes else {}
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    if codes and codes[0] == "204":
        returns, ret = "void", ""
    elif schema and "$ref" in schema and types.is_object(schema["$ref"].split("/")[-1]):
        returns = schema["$ref"].split("/")[-1]
        ret = "        return " + returns + "::fromArray($response->json());"
    elif schema:
        returns, ret = "mixed", "        return $response->json();"
    else:
        returns, ret = "string", "        return $response->body;"
        doc.append("     * @return string the raw body")
    text = render(template("operation.php.tmpl"), doc="\n".join(doc), name=name, params=", ".join(params),
                  returns=returns, method=method.upper(), path=path, options=", ".join(options), **{"return": ret})
    if returns == "void":
        text = text.replace("$response = $this->request", "$this->request").replace("\n\n    }", "\n    }")
    return text


def main():
    source, out = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    schemas = document["components"]["schemas"]
    types = Types(schemas)
    os.makedirs(out, exist_ok=True)
    files = {}
    for name in sorted(schemas):
        files[name + ".php"] = model(name, schemas[name], types) if types.is_object(name) else value_class(name, schemas[name])
    methods = []
    for path in sorted(document["paths"]):
        for method in ("get", "put", "post", "patch", "delete"):
            if method in document["paths"][path]:
                methods.append(operation(path, method, document["paths"][path][method], types))
    files["Operations.php"] = render(template("operations.php.tmpl"), methods="".join(methods))
    for old in os.listdir(out):
        if old.endswith(".php") and old not in files:
            os.remove(os.path.join(out, old))
    for name in sorted(files):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(files[name])


if __name__ == "__main__":
    main()
