<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AddedWorkQueue</name>
    <message numerus="yes">
        <source>%n line(s) to price</source>
        <translation>
            <numerusform>%n line to price</numerusform>
            <numerusform>%n lines to price</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BayModel</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
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
    <name>DeliverDialog</name>
    <message numerus="yes">
        <source>after %n hour(s)</source>
        <translation>
            <numerusform>after %n hour</numerusform>
            <numerusform>after %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoungeBoard</name>
    <message numerus="yes">
        <source>%n car(s) in the workshop</source>
        <translation>
            <numerusform>%n car in the workshop</numerusform>
            <numerusform>%n cars in the workshop</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OldPartMoveDialog</name>
    <message numerus="yes">
        <source>%n old parts back to the maker</source>
        <translation>
            <numerusform>%n old part back to the maker</numerusform>
            <numerusform>%n old parts back to the maker</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scrap %n old parts</source>
        <translation>
            <numerusform>Scrap %n old part</numerusform>
            <numerusform>Scrap %n old parts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n old parts: {status}.</source>
        <translation>
            <numerusform>%n old part: {status}.</numerusform>
            <numerusform>%n old parts: {status}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdiDesk</name>
    <message numerus="yes">
        <source>%n failure(s) to fix</source>
        <translation>
            <numerusform>%n failure to fix</numerusform>
            <numerusform>%n failures to fix</numerusform>
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
    <name>TVBoard</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message numerus="yes">
        <source>%n settled order(s)</source>
        <translation>
            <numerusform>%n settled order</numerusform>
            <numerusform>%n settled orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>average of %n score(s), 1 to 5</source>
        <translation>
            <numerusform>average of %n score, 1 to 5</numerusform>
            <numerusform>average of %n scores, 1 to 5</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <source>%n row(s) written...</source>
        <translation>
            <numerusform>%n row written...</numerusform>
            <numerusform>%n rows written...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n row saved to %1</numerusform>
            <numerusform>%n rows saved to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
