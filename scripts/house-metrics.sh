#!/usr/bin/env bash
# Issue 12: the counts of its note (paths, hand-built stores, database opens outside store, long methods, tables with more than one reader). Run from the repository root.
P='--include=*.cs'
src="agents kernel"
echo "path parameters outside store: $(grep -rEn 'string (tenantDatabasePath|databasePath|tenantPath)\b|TenantDatabasePath|ControlDatabasePath' $P $src | grep -v /obj/ | wc -l)"
echo "hand-built stores outside store/composition: $(grep -rEn 'new [A-Z][A-Za-z]*(Store|Ledger|Outbox|Writer)\(' $P $src | grep -v /obj/ | grep -v Composition/ | wc -l)"
echo "direct database opens outside store: $(grep -rEn 'Databases\.Open|SqliteConnections\.Open|new SqliteConnection' $P $src | grep -v /obj/ | wc -l)"
echo "files naming Microsoft.Data.Sqlite outside store: $(grep -rlE 'Microsoft\.Data\.Sqlite' $P $src | grep -v /obj/ | wc -l)"
python3 - <<'PY'
import re,glob
over=[]
for f in glob.glob("**/*.cs",recursive=True):
    if "/obj/" in f or "/bin/" in f or f.startswith("tests/"): continue
    lines=open(f).read().split("\n")
    i=0
    while i<len(lines):
        l=lines[i]
        m=re.match(r"^(\s+)(public|private|internal|protected)[^=;]*\)\s*(where .*)?$",l)
        if m and i+1<len(lines) and lines[i+1].strip()=="{" :
            ind=m.group(1)
            j=i+2
            while j<len(lines) and lines[j]!=ind+"}": j+=1
            n=j-i+1
            if n>40: over.append((n,f,l.strip()[:80]))
            i=j
        i+=1
print(f"methods over 40 lines (production): {len(over)}")
for n,f,l in sorted(over,reverse=True)[:10]: print(f"   {n} {f}: {l}")
PY
python3 - <<'PY'
import re,glob,collections
tables=set()
for f in glob.glob("store/BackOffice.Store/Migrations/**/*.sql",recursive=True):
    tables|=set(re.findall(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)",open(f).read()))
users=collections.defaultdict(set)
for f in glob.glob("**/*.cs",recursive=True):
    if "/obj/" in f or f.startswith("tests/") or "/Bundle/" in f: continue
    s=open(f).read()
    for t in tables:
        if re.search(r"(FROM|JOIN|INTO|UPDATE)\s+\"?%s\b"%t,s): users[t].add(f.split("/")[-1])
multi={t:sorted(v) for t,v in users.items() if len(v)>1}
print(f"tables read or written by more than one class (bundle importer excluded): {len(multi)}")
for t,v in sorted(multi.items()): print("   ",t,":",", ".join(v))
PY
