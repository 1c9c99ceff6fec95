# Writes every ```csharp block of the Markdown files given as arguments into OUT (a folder) as one C# file each.
# A block that declares a type at its top level is written as it is; any other block is a fragment: its `using`
# directives go to the top of the file and the rest becomes the body of an async method, so it compiles as written
# inside a program. Prints one line per snippet: "<file>:<line> -> <snippet file>".
function flush(   name, path, i, line, usings, body, hasType) {
  name = sprintf("Snippet%03d", ++count)
  path = OUT "/" name ".cs"
  hasType = 0
  for (i = 1; i <= n; i++) if (lines[i] ~ /^(public |internal |file )?((sealed|static|abstract|partial) )*(class|record|interface|struct) /) hasType = 1
  printf "// %s:%d\n", src, start > path
  if (hasType) {
    for (i = 1; i <= n; i++) print lines[i] > path
  } else {
    for (i = 1; i <= n; i++) if (lines[i] ~ /^using [A-Za-z0-9_.= ]+;[ \t]*$/) print lines[i] > path
    printf "\ninternal static class %s\n{\n    internal static async Task Run()\n    {\n", name > path
    for (i = 1; i <= n; i++) if (lines[i] !~ /^using [A-Za-z0-9_.= ]+;[ \t]*$/) print "        " lines[i] > path
    print "    }\n}" > path
  }
  close(path)
  printf "%s:%d -> %s.cs\n", src, start, name
}
FNR == 1 { src = FILENAME; inblock = 0 }
/^```(csharp|cs|c#)[ \t]*$/ && !inblock { inblock = 1; n = 0; start = FNR + 1; next }
/^```[ \t]*$/ && inblock { inblock = 0; flush(); next }
inblock { lines[++n] = $0 }
END { if (count == 0) { print "no C# snippets found" > "/dev/stderr"; exit 1 } }
