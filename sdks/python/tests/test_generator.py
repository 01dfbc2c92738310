import importlib.util
import json
import sys
import tempfile
import typing
import unittest
from pathlib import Path

SDK = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SDK / "generator"))
import generate  # noqa: E402

DOCUMENT = {
    "info": {"title": "Tiny", "version": "v1"},
    "paths": {
        "/v1/shelves/{shelfId}/books": {
            "get": {
                "operationId": "ListShelfBooks",
                "summary": "List a shelf's books",
                "parameters": [
                    {"name": "shelfId", "in": "path", "required": True, "schema": {"type": "integer"}},
                    {"name": "sort", "in": "query", "schema": {"enum": ["title", "year"], "type": "string"}},
                ],
                "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/BookPage"}}}}},
            },
            "post": {
                "operationId": "AddBook",
                "summary": "Add a book",
                "parameters": [
                    {"name": "shelfId", "in": "path", "required": True, "schema": {"type": "integer"}},
                    {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}},
                ],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}}},
                "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Book"}}}}},
            },
        },
    },
    "components": {"schemas": {
        "BookPage": {"type": "object", "required": ["data"], "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/Book"}}}},
        "Book": {"type": "object", "required": ["title", "subtitle"], "properties": {
            "title": {"type": "string"}, "subtitle": {"type": ["null", "string"]}, "year": {"type": "integer"},
            "shelf": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/BookPage"}]}}},
        "Window": {"type": "object", "required": ["from"], "properties": {"from": {"type": "string"}}},
        "Tags": {"type": "object", "additionalProperties": {"type": "boolean"}},
    }},
}


def render(out):
    source = Path(out) / "v1.json"
    source.write_text(json.dumps(DOCUMENT), encoding="utf-8")
    generate.main(source, out)
    return {n: (Path(out) / "repurch" / "_generated" / n).read_text(encoding="utf-8") for n in ("models.py", "operations.py")}


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class GeneratorTests(unittest.TestCase):
    def test_models_are_typed_dicts_sorted_with_nullable_as_optional_and_optional_keys_not_required(self):
        with tempfile.TemporaryDirectory() as out:
            models = render(out)["models.py"]
        self.assertLess(models.index("class Book(TypedDict)"), models.index("class BookPage(TypedDict)"))
        self.assertIn("    subtitle: Optional[str]\n", models)
        self.assertIn("    year: NotRequired[int]\n", models)
        self.assertIn("    shelf: NotRequired[Optional[BookPage]]\n", models)
        self.assertIn("    data: List[Book]\n", models)
        # "from" is a keyword: the functional form, its references quoted.
        self.assertIn('Window = TypedDict("Window", {\n    "from": str,\n})', models)
        self.assertIn("Tags = Dict[str, bool]", models)

    def test_operations_take_path_params_positionally_then_the_body_then_keywords(self):
        with tempfile.TemporaryDirectory() as out:
            operations = render(out)["operations.py"]
        self.assertIn('    def list_shelf_books(self, shelf_id: int, *, sort: Optional[Literal["title", "year"]] = None) -> BookPage:\n'
                      '        """List a shelf\'s books: GET /v1/shelves/{shelfId}/books."""\n'
                      '        return self._call("GET", "/v1/shelves/{shelfId}/books", {"shelfId": shelf_id}, {"sort": sort}, None, {})\n', operations)
        self.assertIn("    def add_book(self, shelf_id: int, body: Book, *, idempotency_key: Optional[str] = None) -> Book:\n", operations)
        self.assertLess(operations.index("def add_book"), operations.index("def list_shelf_books"))

    def test_the_output_imports_its_annotations_resolve_and_two_runs_give_the_same_bytes(self):
        with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
            self.assertEqual(render(first), render(second))
            package = Path(first) / "repurch" / "_generated"
            sys.modules["tiny_generated"] = type(sys)("tiny_generated")
            sys.modules["tiny_generated"].__path__ = [str(package)]
            models = load(package / "models.py", "tiny_generated.models")
            operations = load(package / "operations.py", "tiny_generated.operations")
        self.assertEqual(typing.get_type_hints(models.Book)["subtitle"], typing.Optional[str])
        self.assertEqual(typing.get_type_hints(operations.Operations.add_book)["body"], models.Book)

    def test_snake_case_names(self):
        self.assertEqual([generate.snake(n) for n in ("CreateBulkJob", "GraphQL", "sellerId", "Idempotency-Key", "from")],
                         ["create_bulk_job", "graph_ql", "seller_id", "idempotency_key", "from_"])


if __name__ == "__main__":
    unittest.main()
