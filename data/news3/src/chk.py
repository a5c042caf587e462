import sys, json
sys.argv=[sys.argv[0]]+sys.argv[1:]
import build
from pathlib import Path
for name in sys.argv[1:]:
    rec=build.build(Path(name+".txt"), False)
    t=rec["text"]
    for e in build.validate(rec): print("ERROR",e)
    print("==",name,len(t.split()),"words",len(rec["attributions"]))
    def c(sp,w=12):
        if not sp: return "—"
        return (t[max(0,sp[0]-w):sp[0]]+"["+t[sp[0]:sp[1]]+"]"+t[sp[1]:sp[1]+w]).replace("\n","¶")
    for a in rec["attributions"]:
        ct=t[a["content"][0]:a["content"][1]]
        print(f' {a["type"][0]} «{ct[:28]}…{ct[-12:]}» S{c(a["source"])} C{c(a["cue"],6)} => {a["speaker"]}')
