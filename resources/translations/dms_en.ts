<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LookupWorkspace</name>
    <message numerus="yes">
        <source>%n+ result(s), scroll down for more</source>
        <translation>
            <numerusform>%n+ result, scroll down for more</numerusform>
            <numerusform>%n+ results, scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
</TS>
