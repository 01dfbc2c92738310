# Asks LibreOffice Calc itself which cells break their data validation.
#
#   /usr/bin/python3 libreoffice_invalid_cells.py SOFFICE PROFILE_DIR WORKBOOK CASES_JSON
#
# CASES_JSON is {"sheet": "Listings", "cells": {"C2": "Corner Sofas", ...}}. Calc is started headless
# with a private profile, loads WORKBOOK, types each value into its cell as text and runs
# Tools > Detective > Mark Invalid Data (XSheetAuditing.showInvalid), which circles every cell whose
# value its validation refuses. The circled cells are printed as one JSON line: {"invalid": ["C3", ...]}.
# Needs python3-uno (Debian), which is why it runs under /usr/bin/python3 and not any python3.
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def connect(pipe, process, seconds=60):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + seconds
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if process.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.2)


def main(soffice, profile, workbook, cases_path):
    with open(cases_path, encoding="utf-8") as f:
        cases = json.load(f)
    pipe = "repurch_validity_%d" % os.getpid()
    process = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(pipe, process)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(workbook)), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName(cases["sheet"])
        for cell, value in cases["cells"].items():
            sheet.getCellRangeByName(cell).setString(value)
        sheet.showInvalid()
        invalid = []
        page = sheet.DrawPage
        for i in range(page.Count):
            shape = page.getByIndex(i)
            # The detective's circles are ellipses anchored to the cell they mark.
            if shape.ShapeType == "com.sun.star.drawing.EllipseShape" and hasattr(shape.Anchor, "CellAddress"):
                address = shape.Anchor.CellAddress
                invalid.append("%s%d" % (column_name(address.Column), address.Row + 1))
        doc.close(True)
        print(json.dumps({"invalid": sorted(invalid)}))
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as Calc exits
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()


if __name__ == "__main__":
    main(*sys.argv[1:5])
