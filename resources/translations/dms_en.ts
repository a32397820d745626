<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <source>%n result(s), scroll down for more</source>
        <translation>
            <numerusform>%n result, scroll down for more</numerusform>
            <numerusform>%n results, scroll down for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s); Enter opens the vehicle file</source>
        <translation>
            <numerusform>%n result; Enter opens the vehicle file</numerusform>
            <numerusform>%n results; Enter opens the vehicle file</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerCare</name>
    <message numerus="yes">
        <source>%n overdue complaint(s) escalated.</source>
        <translation>
            <numerusform>%n overdue complaint escalated.</numerusform>
            <numerusform>%n overdue complaints escalated.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QCDeskPage</name>
    <message numerus="yes">
        <source>%n car(s) waiting for a check</source>
        <translation>
            <numerusform>%n car waiting for a check</numerusform>
            <numerusform>%n cars waiting for a check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TVBoard</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
</TS>
