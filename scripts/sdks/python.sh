# Sourced by scripts/sdks.sh. Python: sdks/python/generator/generate.py (standard library only) renders
# repurch/_generated/ from the document with the templates beside it (the runtime is hand-written).
py=sdks/python
folder_python=$py
install_python() {
  # Debian's python3 (3.11+) is the only thing needed: the SDK and its generator use the standard library.
  command -v python3 >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3; } >/dev/null
}
# generate_python DIR: write what this SDK generates into DIR, laid out as under sdks/python.
generate_python() {
  PYTHONDONTWRITEBYTECODE=1 python3 "$py/generator/generate.py" openapi/v1.json "$1"
}
# The generated files, relative to the SDK's folder, that --check compares (files, not the folder: an import
# leaves __pycache__ there).
generated_python=(repurch/_generated/__init__.py repurch/_generated/models.py repurch/_generated/operations.py)
