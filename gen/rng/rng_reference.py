#!/usr/bin/env python3
# rng_reference.py: an independent Python implementation of seedgen's random streams (splitmix64's mix,
# FNV-1a, pcg32 = PCG XSH RR 64/32 as pcg-cpp implements it, the stream key of Rng's constructor, and the
# draws built on it), written from the published algorithms rather than from rng.cc. rng_test.cc's
# expected values are what this script prints: `python3 gen/rng/rng_reference.py`.
M=2**64-1
def mix64(v):
    v=(v+0x9e3779b97f4a7c15)&M
    v=((v^(v>>30))*0xbf58476d1ce4e5b9)&M
    v=((v^(v>>27))*0x94d049bb133111eb)&M
    return v^(v>>31)
def fnv(s):
    h=0xcbf29ce484222325
    for c in s.encode(): h=((h^c)*0x100000001b3)&M
    return h
MULT=6364136223846793005
class PCG32:
    def __init__(self,seed,stream):
        self.inc=((stream<<1)|1)&M; self.state=0; self.step(); self.state=(self.state+seed)&M; self.step()
    def step(self): self.state=(self.state*MULT+self.inc)&M
    def next(self):
        old=self.state; self.step()
        xs=(((old>>18)^old)>>27)&0xffffffff; rot=old>>59
        return ((xs>>rot)|(xs<<((-rot)&31)))&0xffffffff
def rng(seed,table,entity):
    return PCG32(mix64(seed^mix64((fnv(table)+entity)&M)), mix64(entity^fnv(table))^seed)
r=rng(42,"instances",7)
print("next:",[r.next() for _ in range(5)])
r=rng(42,"instances",7)
def unit(r):
    hi=r.next()>>5; lo=r.next()>>6
    return ((hi<<26)|lo)/9007199254740992.0
print("unit: %.17g %.17g"%(unit(r),unit(r)))
print("fnv(instances)=%d mix64(1)=%d"%(fnv("instances"),mix64(1)))
def below(r,bound):
    threshold=((-bound)&0xffffffff)%bound
    while True:
        x=r.next()
        if x>=threshold: return x%bound
r=rng(7,"volumes",123456789)
print("below(10) x6:",[below(r,10) for _ in range(6)])
r=rng(7,"volumes",123456789)
print("hex17:", end=" ")
s=""; 
bits=0
for i in range(17):
    if i%8==0: bits=r.next()
    s+="0123456789abcdef"[bits&0xf]; bits>>=4
print(s)
def entity_key(acct,kind,index):
    return (mix64((mix64(fnv(kind)^(acct<<40))+index)&M))
print("entity_key(3,'instance',5)=%d"%entity_key(3,"instance",5))
import math
r=rng(1,"t",0)
u1=1.0-unit(r); u2=unit(r)
print("normal(10,2)=%.17g"%(10+2*math.sqrt(-2*math.log(u1))*math.cos(6.283185307179586*u2)))
def poisson(r, mean):
    if mean <= 0: return 0
    if mean >= 30:
        u1=1.0-unit(r); u2=unit(r)
        v=math.floor(mean+math.sqrt(mean)*math.sqrt(-2*math.log(u1))*math.cos(6.283185307179586*u2)+0.5)
        return max(0,int(v))
    target=unit(r); p=math.exp(-mean); c=p; k=0
    while c<=target and k<200:
        k+=1; p*=mean/k; c+=p
    return k
r=rng(3,"births",11)
print("poisson(2.5) x6:",[poisson(r,2.5) for _ in range(6)])
r=rng(3,"births",11)
print("poisson(120) x3:",[poisson(r,120.0) for _ in range(3)])
