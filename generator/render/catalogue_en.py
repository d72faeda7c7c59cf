"""The English of every interface string the site shows, keyed by its Swedish (see `i18n.t`).

Add a pair here whenever a page gets a new `_("...")`: `tests/test_english.py` names each
one missing, and an English build stops at it. Placeholders (`{year}`) are kept as they are;
`context|text` is the key of `_(text, context=...)` (`i18n.key`).
"""

EN: dict[str, str] = {
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
    "varje ändring står under Ändringar ovan; se också": "every change is listed under Changes above; see also",
    "filens historik": "the file's history",
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
    "Rapporterat, {municipality}": "Reported, {municipality}",
    "{fraction} organ": "{fraction} bodies",
    "Kostnaden är vad kommunen betalat för sina resor det året.":
        "The cost is what the municipality paid for its trips that year.",
    "Resor till konferenser och möten utomlands, per år. Välj ett år för att se resorna.":
        "Trips to conferences and meetings abroad, per year. Choose a year to see its trips.",
    "{n} resor. Kostnaden är det kommunen betalat; klicka på en kolumnrubrik för att sortera. {covered}.":
        "{n} trips. The cost is what the municipality paid; click a column heading to sort. {covered}.",
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
    "okänt (inte incheckad)": "unknown (not committed)",
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
    "{fraction} organ har rapporterat för {year}": "{fraction} bodies have reported for {year}",
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
    "{year}: {fraction} organ": "{year}: {fraction} bodies",
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
}
