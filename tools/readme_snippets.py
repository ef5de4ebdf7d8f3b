#!/usr/bin/env python3
"""Extracts the C++ code blocks of a Markdown file as programs to compile.

Usage: python3 tools/readme_snippets.py README.md OUT-DIR

Every ```cpp block is a complete program (it has a main function), or, when
its first line is "// (continued)", the rest of the block before it. Writes
OUT-DIR/readme_1.cpp, readme_2.cpp, ... (one per program, in order), prints
one file name a line, and exits 1 when a program has no main function or
the file has no C++ block at all.
"""
import pathlib
import re
import sys

CONTINUED = "// (continued)"


def programs(text):
    """Returns the programs of text: lists of (first line number, code)."""
    result = []
    for m in re.finditer(r"^```cpp[ \t]*\n(.*?)^```[ \t]*$", text, re.S | re.M):
        line = text.count("\n", 0, m.start()) + 2
        code = m.group(1)
        if code.startswith(CONTINUED) and result:
            result[-1].append((line, code))
        else:
            result.append([(line, code)])
    return result


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2])
        return 2
    source = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    found = programs(source.read_text(encoding="utf-8"))
    if not found:
        print("%s: no ```cpp block" % source, file=sys.stderr)
        return 1
    status = 0
    for i, parts in enumerate(found, 1):
        # A #line directive per part: errors point at the Markdown file.
        code = "".join('#line %d "%s"\n%s' % (line, source.name, part) for line, part in parts)
        if not re.search(r"\bint\s+main\s*\(", code):
            print("%s:%d: this C++ block is not a complete program (no main) and is not marked '%s'"
                  % (source, parts[0][0], CONTINUED), file=sys.stderr)
            status = 1
        path = out / ("readme_%d.cpp" % i)
        path.write_text(code, encoding="utf-8")
        print(path.name)
    return status


if __name__ == "__main__":
    sys.exit(main())
