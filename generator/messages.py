"""What each problem code says, in Swedish and English, and what to do about it.

One entry per code: severity, then (message, hint) per language. Placeholders are
filled from the problem's params; `{field}` is the field's name.
"""

from __future__ import annotations

E, W = "error", "warning"

MESSAGES: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    # --- which files are read (datafiles.py)
    "file-unreadable": (E, {
        "sv": ("Filen går inte att läsa: {detail}.", "Kontrollera att det är en vanlig fil som du har rätt att läsa; ta bort den annars."),
        "en": ("The file cannot be read: {detail}.", "Check that it is a plain file you may read; otherwise remove it.")}),
    "file-is-folder": (E, {
        "sv": ("Det här är en mapp med ett datafilsnamn.", "Byt namn på mappen, eller flytta filerna i den dit de hör hemma."),
        "en": ("This is a folder with a data file's name.", "Rename the folder, or move the files in it to where they belong.")}),
    "file-extension": (E, {
        "sv": ("Filen läses inte: datafiler slutar på .yaml.", "Döp om filen till {name}."),
        "en": ("The file is not read: data files end in .yaml.", "Rename the file to {name}.")}),
    "file-misplaced": (E, {
        "sv": ("Filen ligger där inga datafiler läses och kommer inte med på webbplatsen.", "Flytta filen till data/{place}."),
        "en": ("The file is in a place where no data files are read, and will not be published.", "Move the file to data/{place}.")}),
    "file-list-misnamed": (E, {
        "sv": ("Filen läses inte: det finns ingen lista med det namnet.", "Flytta posterna till data/{place} och ta bort filen."),
        "en": ("The file is not read: there is no list of that name.", "Move its entries into data/{place} and remove the file.")}),
    "file-unplaced": (E, {
        "sv": ("Filen ligger där inga datafiler läses och kommer inte med på webbplatsen.",
               "Resor hör hemma i data/trips/<år>/, medlemskap i data/memberships/, avtal i data/agreements/ och listorna i "
               "data/municipalities.yaml, bodies.yaml, people.yaml och organisations.yaml; flytta eller ta bort filen."),
        "en": ("The file is in a place where no data files are read, and will not be published.",
               "Trips go in data/trips/<year>/, memberships in data/memberships/, agreements in data/agreements/ and the "
               "lists in data/municipalities.yaml, bodies.yaml, people.yaml and organisations.yaml; move or remove the file.")}),
    "file-unknown": (W, {
        "sv": ("Filen är ingen datafil och läses inte.", "Datafiler är YAML-filer som slutar på .yaml; flytta andra filer ut ur datamappen."),
        "en": ("The file is not a data file and is not read.", "Data files are YAML files ending in .yaml; move other files out of the data folder.")}),
    "folder-too-deep": (E, {
        "sv": ("Mappen ligger djupare än någon datafil och läses inte.", "Flytta datafilerna i den dit de hör hemma, t.ex. data/trips/<år>/, och ta bort mappen."),
        "en": ("The folder lies deeper than any data file and is not read.", "Move the data files in it to where they belong, e.g. data/trips/<year>/, and remove the folder.")}),
    "link-broken": (E, {
        "sv": ("Länken pekar på {target}, som inte finns.", "Ta bort länken. (En länk som .#fil.yaml är en redigerares låsfil: spara och stäng filen.)"),
        "en": ("The link points to {target}, which does not exist.", "Remove the link. (A link such as .#file.yaml is an editor's lock file: save and close the file.)")}),
    "link-outside": (E, {
        "sv": ("Länken pekar ut ur datamappen ({target}) och läses inte.", "Kopiera in filen i datamappen i stället; bara filer i datamappen publiceras."),
        "en": ("The link points outside the data folder ({target}) and is not read.", "Copy the file into the data folder instead; only files in the data folder are published.")}),
    "link-folder": (E, {
        "sv": ("Länken pekar på en mapp ({target}) och följs inte.", "Flytta filerna hit i stället för att länka till mappen."),
        "en": ("The link points to a folder ({target}) and is not followed.", "Move the files here instead of linking to the folder.")}),
    # --- reading YAML
    "yaml-utf16": (E, {
        "sv": ("Filen verkar vara sparad som UTF-16.", "Spara filen som UTF-8 (i de flesta redigerare: Spara som > Kodning > UTF-8)."),
        "en": ("The file seems to be saved as UTF-16.", "Save the file as UTF-8 (in most editors: Save as > Encoding > UTF-8).")}),
    "yaml-control-char": (E, {
        "sv": ("Filen innehåller styrtecknet {char}, som YAML inte tillåter.", "Ta bort tecknet; skriv om raden om du inte ser det."),
        "en": ("The file holds the control character {char}, which YAML does not allow.", "Remove the character; retype the line if you cannot see it.")}),
    "text-invisible": (E, {
        "sv": ("Texten innehåller det osynliga tecknet eller styrtecknet {char}.",
               "Ta bort tecknet (skriv om texten, eller klistra in den som oformaterad text); osynliga tecken kan dölja eller kasta om det läsaren ser."),
        "en": ("The text holds the invisible or control character {char}.",
               "Remove the character (retype the text, or paste it as plain text); invisible characters can hide or reorder what readers see.")}),
    "yaml-too-large": (E, {
        "sv": ("Filen är större än {limit} KiB.", "Dela upp innehållet på flera filer; en post per fil."),
        "en": ("The file is larger than {limit} KiB.", "Split the content over several files; one record per file.")}),
    "yaml-bom": (E, {
        "sv": ("Filen börjar med ett byte order mark (BOM).", "Spara filen som UTF-8 utan BOM."),
        "en": ("The file starts with a byte order mark (BOM).", "Save the file as UTF-8 without BOM.")}),
    "yaml-not-utf8": (E, {
        "sv": ("Filen är inte kodad som UTF-8.", "Spara filen som UTF-8 (i de flesta redigerare: Spara som > Kodning > UTF-8)."),
        "en": ("The file is not encoded as UTF-8.", "Save the file as UTF-8 (in most editors: Save as > Encoding > UTF-8).")}),
    "yaml-tab": (E, {
        "sv": ("Tabbtecken används för indrag.", "YAML tillåter bara mellanslag för indrag; ersätt tabbarna med mellanslag."),
        "en": ("A tab character is used for indentation.", "YAML allows only spaces for indentation; replace the tabs with spaces.")}),
    "yaml-syntax": (E, {
        "sv": ("Filen är inte giltig YAML: {detail}.", "Kontrollera indrag, kolon och citattecken på raden eller raden ovanför."),
        "en": ("The file is not valid YAML: {detail}.", "Check indentation, colons and quotes on this line or the one above.")}),
    "yaml-many-documents": (E, {
        "sv": ("Filen innehåller mer än ett YAML-dokument (---).", "Ta bort den extra raden med --- eller lägg posten i en egen fil."),
        "en": ("The file holds more than one YAML document (---).", "Remove the extra --- line or put the record in a file of its own.")}),
    "yaml-alias": (E, {
        "sv": ("Aliaset *{name} används; alias är inte tillåtna i datafiler.", "Skriv ut värdet i stället, så att varje post går att läsa för sig."),
        "en": ("The alias *{name} is used; aliases are not allowed in data files.", "Write the value out instead, so that each record reads on its own.")}),
    "yaml-anchor": (E, {
        "sv": ("Ankaret &{name} används; ankare är inte tillåtna i datafiler.", "Ta bort &{name} och skriv ut värdena där de behövs."),
        "en": ("The anchor &{name} is used; anchors are not allowed in data files.", "Remove &{name} and write the values out where they are needed.")}),
    "yaml-tag": (E, {
        "sv": ("YAML-taggen {tag} är inte tillåten.", "Ta bort taggen; skriv text inom citattecken."),
        "en": ("The YAML tag {tag} is not allowed.", "Remove the tag; write text in quotes.")}),
    "yaml-complex-key": (E, {
        "sv": ("En nyckel måste vara ett enkelt namn.", "Skriv nyckeln som ett ord följt av kolon."),
        "en": ("A key must be a simple name.", "Write the key as a word followed by a colon.")}),
    "yaml-duplicate-key": (E, {
        "sv": ("Nyckeln '{key}' förekommer två gånger.", "Ta bort eller slå ihop den ena; bara en får finnas."),
        "en": ("The key '{key}' appears twice.", "Remove or merge one of them; only one may exist.")}),
    "yaml-ambiguous-bool": (E, {
        "sv": ("Värdet {value} kan läsas som ja/nej (YAML 1.1).", "Skriv \"{value}\" inom citattecken om det är text (t.ex. landskoden NO), eller true/false om det är ja/nej."),
        "en": ("The value {value} can be read as yes/no (YAML 1.1).", "Write \"{value}\" in quotes if it is text (e.g. the country code NO), or true/false if it is yes/no.")}),
    "yaml-bad-date": (E, {
        "sv": ("{value} ser ut som ett datum men finns inte i kalendern.", "Rätta datumet (ÅÅÅÅ-MM-DD)."),
        "en": ("{value} looks like a date but is not in the calendar.", "Correct the date (YYYY-MM-DD).")}),
    "yaml-octal": (E, {
        "sv": ("{value} har en inledande nolla och kan läsas som ett oktalt tal.", "Skriv \"{value}\" inom citattecken om det är text, annars utan inledande nolla."),
        "en": ("{value} has a leading zero and can be read as an octal number.", "Write \"{value}\" in quotes if it is text, otherwise without the leading zero.")}),
    "yaml-sexagesimal": (E, {
        "sv": ("{value} kan läsas som ett tal i sextiotalssystemet (YAML 1.1).", "Skriv \"{value}\" inom citattecken."),
        "en": ("{value} can be read as a base-60 number (YAML 1.1).", "Write \"{value}\" in quotes.")}),
    "yaml-datetime": (E, {
        "sv": ("{value} är en tidpunkt; här används bara datum.", "Skriv bara datumet, ÅÅÅÅ-MM-DD, eller texten inom citattecken."),
        "en": ("{value} is a point in time; only dates are used here.", "Write only the date, YYYY-MM-DD, or the text in quotes.")}),
    "yaml-special-float": (E, {
        "sv": ("{value} är inget belopp.", "Skriv ett tal, eller texten inom citattecken."),
        "en": ("{value} is not an amount.", "Write a number, or the text in quotes.")}),
    # --- the shape of records
    "not-a-mapping": (E, {
        "sv": ("Här väntas nycklar och värden (namn: värde).", "Se en befintlig fil av samma slag som mall, eller skapa en med `portal new`."),
        "en": ("Keys and values (name: value) are expected here.", "Use an existing file of the same kind as a template, or create one with `portal new`.")}),
    "not-a-list": (E, {
        "sv": ("Här väntas en lista (rader som börjar med -).", "Skriv varje post som en rad som börjar med '- '."),
        "en": ("A list is expected here (lines starting with -).", "Write each entry as a line starting with '- '.")}),
    "unknown-key": (E, {
        "sv": ("Fältet '{key}' finns inte i {resource_sv}.", "Kontrollera stavningen{suggestion_sv}; tillåtna fält står i datakatalogen."),
        "en": ("The field '{key}' does not exist in {resource}.", "Check the spelling{suggestion_en}; the allowed fields are in the data dictionary.")}),
    "wrong-type-yaml": (E, {
        "sv": ("Fältet ska vara text men YAML läser värdet {value} som {kind_sv}.", "Skriv värdet inom citattecken: \"{value}\"."),
        "en": ("The field is text but YAML reads the value {value} as a {kind_en}.", "Write the value in quotes: \"{value}\".")}),
    "quoted-value": (E, {
        "sv": ("'{key}' är {type_sv}, men värdet {value} läses som text.", "Skriv det som {type_sv}, utan citattecken: {key}: {bare}"),
        "en": ("'{key}' is {type_en}, but the value {value} is read as text.", "Write it as {type_en}, without quotes: {key}: {bare}")}),
    "number-too-large": (E, {
        "sv": ("Talet {value} är för stort för att lagras exakt.", "Kontrollera värdet; belopp anges i kronor."),
        "en": ("The number {value} is too large to be stored exactly.", "Check the value; amounts are in SEK.")}),
    "too-many-decimals": (E, {
        "sv": ("Beloppet {value} har fler än {places} decimaler.", "Avrunda till {places} decimaler (hela ören): {rounded}."),
        "en": ("The amount {value} has more than {places} decimals.", "Round it to {places} decimals (whole öre): {rounded}.")}),
    "nested-value": (E, {
        "sv": ("Fältet ska ha ett enkelt värde, inte en lista eller nycklar.", "Skriv ett enda värde efter kolonet."),
        "en": ("The field takes a single value, not a list or keys.", "Write a single value after the colon.")}),
    "id-not-filename": (E, {
        "sv": ("Id '{id}' stämmer inte med filnamnet '{stem}'.", "Döp filen till {id}.yaml (id ändras aldrig efter publicering)."),
        "en": ("The id '{id}' does not match the file name '{stem}'.", "Name the file {id}.yaml (an id never changes after publication).")}),
    "trip-wrong-folder": (E, {
        "sv": ("Resan börjar {year} men ligger i mappen {folder}.", "Flytta filen till trips/{year}/."),
        "en": ("The trip starts in {year} but is in the folder {folder}.", "Move the file to trips/{year}/.")}),
    "package-missing": (E, {
        "sv": ("datapackage.yaml saknas i datamappen.", "Lägg till filen med namn, version och licens; se exempeldata i repots data/."),
        "en": ("datapackage.yaml is missing from the data folder.", "Add the file with name, version and licence; see the sample in the repository's data/.")}),
    "package-field": (E, {
        "sv": ("Paketets fält '{key}' saknas eller är fel: {detail}.", "Rätta fältet i datapackage.yaml."),
        "en": ("The package field '{key}' is missing or wrong: {detail}.", "Correct the field in datapackage.yaml.")}),
    # --- single fields (Frictionless)
    "required": (E, {
        "sv": ("Det obligatoriska fältet '{field}' saknas eller är tomt.", "Fyll i {title_sv}: {description_sv}{choices_sv}"),
        "en": ("The required field '{field}' is missing or empty.", "Fill in {title_en}: {description_en}{choices_en}")}),
    "type": (E, {
        "sv": ("Värdet {value} är inte {type_sv}.", "{type_hint_sv}{suggestion_sv}."),
        "en": ("The value {value} is not {type_en}.", "{type_hint_en}{suggestion_en}.")}),
    "enum": (E, {
        "sv": ("Värdet {value} är inte tillåtet i '{field}'.", "Välj {allowed_sv}{suggestion_sv}."),
        "en": ("The value {value} is not allowed in '{field}'.", "Choose {allowed_en}{suggestion_en}.")}),
    "pattern": (E, {
        "sv": ("Värdet {value} har fel form för '{field}'.", "{description_sv}{suggestion_sv}."),
        "en": ("The value {value} has the wrong form for '{field}'.", "{description_en}{suggestion_en}.")}),
    "minimum": (E, {
        "sv": ("Värdet {value} är för litet för '{field}' (minst {limit}).", "Belopp anges som positiva tal i kronor."),
        "en": ("The value {value} is too small for '{field}' (at least {limit}).", "Amounts are positive numbers in SEK.")}),
    "coordinate-range": (E, {
        "sv": ("{value} är ingen möjlig {field}: värdet ska ligga mellan -{limit} och {limit}.",
               "Ange koordinater i decimala grader (t.ex. latitude: 48.8534, longitude: 2.3488), inte i grader och minuter; kontrollera att latitud och longitud inte bytt plats."),
        "en": ("{value} is not a possible {field}: the value lies between -{limit} and {limit}.",
               "Give coordinates in decimal degrees (e.g. latitude: 48.8534, longitude: 2.3488), not in degrees and minutes; check that latitude and longitude are not swapped.")}),
    "maximum": (E, {
        "sv": ("Värdet {value} är för stort för '{field}' (högst {limit}).", "Rätta värdet."),
        "en": ("The value {value} is too large for '{field}' (at most {limit}).", "Correct the value.")}),
    "too-long": (E, {
        "sv": ("Värdet i '{field}' är längre än {limit} tecken.", "Korta av det; ett id blir ett filnamn och en adress på webbplatsen."),
        "en": ("The value of '{field}' is longer than {limit} characters.", "Shorten it; an id becomes a file name and an address on the site.")}),
    "duplicate-id": (E, {
        "sv": ("{key} används redan i {resource}.", "Välj ett annat id; varje post måste ha ett eget."),
        "en": ("{key} is already used in {resource}.", "Choose another id; each record must have its own.")}),
    "foreign-key": (E, {
        "sv": ("'{value}' i '{field}' finns inte bland {target_sv}.", "Använd ett befintligt id{suggestion_sv}, eller lägg först till posten bland {target_sv}."),
        "en": ("'{value}' in '{field}' is not among the {target}.", "Use an existing id{suggestion_en}, or first add the record to {target}.")}),
    "schema-other": (E, {
        "sv": ("{detail}", "Rätta värdet enligt datakatalogen."),
        "en": ("{detail}", "Correct the value according to the data dictionary.")}),
    # --- rules across fields and records
    "end-before-start": (E, {
        "sv": ("Slutdatum {end} är före startdatum {start}.", "Rätta något av datumen."),
        "en": ("The end date {end} is before the start date {start}.", "Correct one of the dates.")}),
    "total-mismatch": (E, {
        "sv": ("Summan {total} kr stämmer inte med kostnadsraderna, som blir {sum} kr.", "Rätta summan eller raderna; summan ska vara raderna tillsammans."),
        "en": ("The total SEK {total} does not match the cost lines, which add up to SEK {sum}.", "Correct the total or the lines; the total must be the lines added up.")}),
    "payer-missing": (E, {
        "sv": ("Kostnadsraden säger inte vem som betalade.", "Ange paid_by_body_id (ett eget organ) eller paid_by_other (t.ex. arrangören)."),
        "en": ("The cost line does not say who paid.", "Give paid_by_body_id (one of our bodies) or paid_by_other (e.g. the organiser).")}),
    "payer-both": (E, {
        "sv": ("Kostnadsraden har både paid_by_body_id och paid_by_other.", "Behåll bara den som betalade; dela raden om båda betalade en del."),
        "en": ("The cost line has both paid_by_body_id and paid_by_other.", "Keep only the one who paid; split the line if both paid a part.")}),
    "currency-incomplete": (E, {
        "sv": ("Ursprungligt belopp och valuta måste anges tillsammans.", "Ange både original_amount och original_currency, eller ingen av dem."),
        "en": ("The original amount and currency go together.", "Give both original_amount and original_currency, or neither.")}),
    "currency-sek": (E, {
        "sv": ("Ursprunglig valuta är SEK.", "Ta bort original_amount och original_currency; amount_sek räcker."),
        "en": ("The original currency is SEK.", "Remove original_amount and original_currency; amount_sek is enough.")}),
    "rate-date-without-currency": (E, {
        "sv": ("Växelkursdatum utan ursprunglig valuta.", "Ange original_amount och original_currency, eller ta bort exchange_rate_date."),
        "en": ("An exchange-rate date without an original currency.", "Give original_amount and original_currency, or remove exchange_rate_date.")}),
    "cost-needs-date": (E, {
        "sv": ("Kostnadsraden för ett medlemskap eller avtal saknar datum.", "Ange date (ÅÅÅÅ-MM-DD), så att kostnaden hamnar på rätt år."),
        "en": ("The cost line of a membership or agreement has no date.", "Give date (YYYY-MM-DD), so that the cost is counted in the right year.")}),
    "personal-number": (E, {
        "sv": ("Texten innehåller något som ser ut som ett personnummer eller samordningsnummer.", "Ta bort numret; portalen får aldrig publicera person- eller samordningsnummer."),
        "en": ("The text holds what looks like a Swedish personal identity or coordination number.", "Remove the number; the portal must never publish personal identity or coordination numbers.")}),
    "protected-named": (W, {
        "sv": ("Personen är skyddad men har ett namn i datafilen.", "Ta bort namnet: datafilerna är offentliga i git, även om webbplatsen bara visar rollen."),
        "en": ("The person is protected but has a name in the data file.", "Remove the name: the data files are public in git, even though the website shows only the role.")}),
    "unnamed-person": (E, {
        "sv": ("Personen saknar namn och är inte markerad som skyddad.", "Ange name, eller protected: true om bara rollen får publiceras."),
        "en": ("The person has no name and is not marked as protected.", "Give name, or protected: true if only the role may be published.")}),
    "parent-link-conflict": (E, {
        "sv": ("Fältet '{field}' sätts av filen kostnaden ligger i och ska inte anges.", "Ta bort fältet från kostnadsraden."),
        "en": ("The field '{field}' is set by the file the cost is in and must not be given.", "Remove the field from the cost line.")}),
    "version-published": (E, {
        "sv": ("Version {version} publicerades {date} (commit {commit}), men uppgifterna har ändrats sedan dess (nya poster: "
               "{added}, ändrade poster: {changed}, borttagna poster: {withdrawn}{more_sv}).",
               "En publicerad version ändras aldrig. Höj version i datapackage.yaml: {patch} för rättelser, {minor} för nya poster, "
               "{major} när kolumner ändras."),
        "en": ("Version {version} was published on {date} (commit {commit}), but the data have changed since (new records: "
               "{added}, changed records: {changed}, withdrawn records: {withdrawn}{more_en}).",
               "A published version never changes. Raise version in datapackage.yaml: {patch} for corrections, {minor} for new "
               "records, {major} when columns change.")}),
    "version-files-changed": (E, {
        "sv": ("Version {version}:s filer blir inte längre byte för byte som när den publicerades: {names} "
               "(ändrade filer: {n}).",
               "En publicerad versions filer ändras aldrig, de citeras med sin kontrollsumma. Låt skrivaren skriva "
               "äldre versioner som förut (en ny kolumn bara i nya versioner)."),
        "en": ("Version {version}'s files no longer come out byte for byte as when it was published: {names} "
               "(changed files: {n}).",
               "A published version's files never change: they are cited by their checksum. Make the writer write "
               "older versions as before (a new column in new versions only).")}),
    "version-lower": (E, {
        "sv": ("Version {version} är lägre än den senast publicerade, {highest}.",
               "Höj version i datapackage.yaml: {patch} för rättelser, {minor} för nya poster, {major} när kolumner ändras."),
        "en": ("Version {version} is lower than the latest published one, {highest}.",
               "Raise version in datapackage.yaml: {patch} for corrections, {minor} for new records, {major} when columns change.")}),
    "version-bump": (E, {
        "sv": ("Version {version} säger inte vad som ändrats sedan {highest} (nya poster: {added}, ändrade poster: {changed}, "
               "borttagna poster: {withdrawn}{more_sv}).",
               "Höj version i datapackage.yaml till minst {needed}: den sista siffran för rättelser, den mittersta för nya "
               "poster eller kolumner, den första när kolumner ändras eller tas bort."),
        "en": ("Version {version} does not say what changed since {highest} (new records: {added}, changed records: {changed}, "
               "withdrawn records: {withdrawn}{more_en}).",
               "Raise version in datapackage.yaml to at least {needed}: the last number for corrections, the middle one for "
               "new records or columns, the first when columns change or are removed.")}),
    "cost-zero": (E, {
        "sv": ("Beloppet är 0 kr.", "Ta bort raden om kostnaden inte fanns; 0 kr används bara för en medlemsavgift som var noll ett år (kategori membership_fee)."),
        "en": ("The amount is 0 SEK.", "Remove the line if there was no cost; 0 SEK is used only for a membership fee that was nil for a year (category membership_fee).")}),
    "population-incomplete": (E, {
        "sv": ("Folkmängden är ofullständig: {missing} saknas.",
               "Ange population, population_year och population_source tillsammans: antalet invånare, året det gäller och "
               "källan (t.ex. SCB, Folkmängd i riket, län och kommuner 31 december 2023); eller ta bort alla tre."),
        "en": ("The population is incomplete: {missing} is missing.",
               "Give population, population_year and population_source together: the number of inhabitants, the year it "
               "refers to and its source (e.g. SCB, population of the country, counties and municipalities on 31 December "
               "2023); or remove all three.")}),
    "membership-free-with-fees": (E, {
        "sv": ("Medlemskapet anges som avgiftsfritt (free: true) men har avgiftsrader över 0 kr.", "Ta bort free: true, eller rätta avgiftsraderna; ett enstaka avgiftsfritt år anges med en avgiftsrad på 0 kr."),
        "en": ("The membership is stated free (free: true) but has fee lines above 0 SEK.", "Remove free: true, or correct the fee lines; a single free year is a fee line of 0 SEK.")}),
    "line-id-missing": (E, {
        "sv": ("Raden i {list} har inget id.", "Lägg till `id: {next}` på raden (nästa lediga nummer i listan; `portal new` gör det åt dig). "
               "Numret är radens beständiga id: det ändras aldrig, inte heller när andra rader läggs till, tas bort eller flyttas."),
        "en": ("The line in {list} has no id.", "Add `id: {next}` to the line (the next free number in the list; `portal new` does it for you). "
               "The number is the line's permanent id: it never changes, not even when other lines are added, removed or moved.")}),
    "line-id-duplicate": (E, {
        "sv": ("Id {value} används redan av en annan rad i {list}.", "Ge den nya raden `id: {next}`; en publicerad rad behåller sitt nummer."),
        "en": ("The id {value} is already used by another line in {list}.", "Give the new line `id: {next}`; a published line keeps its number.")}),
    "line-id-invalid": (E, {
        "sv": ("Id '{value}' är inte ett heltal från 1.", "Skriv radens nummer som ett heltal, t.ex. `id: {next}`."),
        "en": ("The id '{value}' is not a whole number from 1.", "Write the line's number as a whole number, e.g. `id: {next}`.")}),
    "completeness-period": (E, {
        "sv": ("Perioden {value} har fel form: uppgifterna rapporteras per {kind_sv} (settings.completeness_period).", "Skriv perioden som {example}."),
        "en": ("The period {value} has the wrong form: reporting is per {kind} (settings.completeness_period).", "Write the period as {example}.")}),
    "completeness-period-setting": (E, {
        "sv": ("settings.completeness_period är {value}.", "Välj en av: {allowed}."),
        "en": ("settings.completeness_period is {value}.", "Choose one of: {allowed}.")}),
    "nil-return-contradicted": (E, {
        "sv": ("Organet har rapporterat inget att rapportera för {period}, men har {count} resor eller kostnadsrader under perioden.", "Ändra status till complete eller preliminary, eller rätta datum och organ på resorna och kostnaderna."),
        "en": ("The body reported nothing to report for {period}, but has {count} trips or cost lines in the period.", "Change the status to complete or preliminary, or correct the dates and bodies of the trips and costs.")}),
    # --- stale states (warnings)
    "trip-planned-past": (W, {
        "sv": ("Resan slutade {end} men har fortfarande status planerad.", "Ändra status till completed (genomförd) eller cancelled (inställd)."),
        "en": ("The trip ended on {end} but its status is still planned.", "Change the status to completed or cancelled.")}),
    "cost-preliminary-overdue": (W, {
        "sv": ("Kostnadsraden har varit preliminär sedan {since}, mer än {days} dagar.", "Stäm av beloppet och ändra status till final."),
        "en": ("The cost line has been preliminary since {since}, more than {days} days.", "Check the amount and change the status to final.")}),
    "id-reserved": (E, {
        "sv": ("Id '{id}' är namnet på en sida som webbplatsen själv gör; posten skulle inte få någon egen sida.", "Välj ett annat id, t.ex. med organets eller årets namn i."),
        "en": ("The id '{id}' is the name of a page the site makes itself; the record would get no page of its own.", "Choose another id, e.g. with the body's name or the year in it.")}),
    "setting-invalid": (E, {
        "sv": ("Inställningen '{key}' har ett värde som inte går att använda: den ska vara {expected_sv}.", "Rätta värdet under settings: i datapackage.yaml (utan citattecken kring tal)."),
        "en": ("The setting '{key}' has a value that cannot be used: it must be {expected_en}.", "Correct the value under settings: in datapackage.yaml (numbers without quotes).")}),
    "setting-unknown": (W, {
        "sv": ("Inställningen '{key}' är okänd och används inte.", "Kontrollera stavningen; inställningarna är {names_sv}."),
        "en": ("The setting '{key}' is unknown and not used.", "Check the spelling; the settings are {names_en}.")}),
    # --- plausibility (warnings; limits in settings.py, changed under settings: in datapackage.yaml)
    "trip-too-long": (W, {
        "sv": ("Resan varar {days} dagar, fler än {limit}.", "Kontrollera start- och slutdatum (gränsen ändras med settings: max_trip_days)."),
        "en": ("The trip lasts {days} days, more than {limit}.", "Check the start and end dates (the limit is settings: max_trip_days).")}),
    "trip-too-early": (W, {
        "sv": ("Resan börjar före {year}.", "Kontrollera årtalet (gränsen ändras med settings: earliest_year)."),
        "en": ("The trip starts before {year}.", "Check the year (the limit is settings: earliest_year).")}),
    "completed-in-future": (W, {
        "sv": ("Resan är markerad som genomförd men slutar {end}, i framtiden.", "Rätta datumen, eller sätt status: planned."),
        "en": ("The trip is marked completed but ends on {end}, in the future.", "Correct the dates, or set status: planned.")}),
    "report-before-end": (W, {
        "sv": ("Reserapporten är daterad före resans slut ({end}).", "Kontrollera report_date och end_date."),
        "en": ("The trip report is dated before the trip ended ({end}).", "Check report_date and end_date.")}),
    "completed-without-participants": (W, {
        "sv": ("Den genomförda resan har inga deltagare.", "Lägg till deltagarna under participants."),
        "en": ("The completed trip has no participants.", "Add the travellers under participants.")}),
    "completed-without-destinations": (W, {
        "sv": ("Den genomförda resan har inga resmål.", "Lägg till resmålen under destinations."),
        "en": ("The completed trip has no destinations.", "Add the destinations under destinations.")}),
    "amount-implausible": (W, {
        "sv": ("Beloppet är större än {limit} kr.", "Kontrollera beloppet: kronor, inte ören? (gränsen ändras med settings: max_amount_sek)"),
        "en": ("The amount is larger than SEK {limit}.", "Check the amount: kronor, not öre? (the limit is settings: max_amount_sek)")}),
    "payer-other-municipality": (W, {
        "sv": ("Kostnaden betalades av ett organ i {payer}, men posten hör till {record}.", "Kontrollera paid_by_body_id; betalade någon utanför kommunen, ange paid_by_other."),
        "en": ("The cost was paid by a body of {payer}, but the record belongs to {record}.", "Check paid_by_body_id; if someone outside the municipality paid, give paid_by_other.")}),
    "completeness-future-period": (W, {
        "sv": ("Fullständighet anges för {period}, som inte har börjat (den börjar {start}).",
               "Kontrollera period: en period rapporteras när den har börjat, oftast när den är slut."),
        "en": ("Completeness is given for {period}, which has not begun (it begins on {start}).",
               "Check period: a period is reported once it has begun, usually once it has ended.")}),
    "completeness-before-period": (W, {
        "sv": ("Fullständigheten för {period} rapporterades {reported}, före periodens början ({start}).",
               "Kontrollera reported_date och period: en period rapporteras inte innan den har börjat."),
        "en": ("The completeness of {period} was reported on {reported}, before the period began ({start}).",
               "Check reported_date and period: a period is not reported before it has begun.")}),
    "population-year-future": (W, {
        "sv": ("Folkmängden gäller år {year}, som inte har kommit än.",
               "Ange året folkmängden räknades (population_year), inte året för en prognos."),
        "en": ("The population is counted in {year}, a year still to come.",
               "Give the year the population was counted (population_year), not the year of a forecast.")}),
    "travel-mode-continent": (W, {
        "sv": ("Resan görs med {mode} till {country}, i {continent_sv}: en annan världsdel än kommunens.",
               "Kontrollera travel_mode: flyg är flight. Färdsättet avgör klimatberäkningen."),
        "en": ("The trip goes by {mode} to {country}, in {continent_en}: another continent than the municipality's.",
               "Check travel_mode: a flight is flight. The mode of travel decides the climate estimate.")}),
    "cost-repeated": (W, {
        "sv": ("Samma kostnad finns redan på rad {line} (post, kategori, belopp, datum och betalare lika).",
               "Ta bort raden om kostnaden skrevs in två gånger; är det två kostnader, skriv vad som skiljer dem i "
               "description."),
        "en": ("The same cost is already on line {line} (record, category, amount, date and payer alike).",
               "Remove the line if the cost was entered twice; if there were two costs, say in description how they "
               "differ.")}),
    "rate-date-missing": (W, {
        "sv": ("Beloppet i {currency} saknar växelkursdatum.",
               "Ange exchange_rate_date: dagen vars växelkurs räknade om beloppet till kronor, så att omräkningen går "
               "att kontrollera."),
        "en": ("The amount in {currency} has no exchange-rate date.",
               "Give exchange_rate_date: the day whose rate converted the amount into kronor, so that the conversion "
               "can be checked.")}),
    "lodging-same-day": (W, {
        "sv": ("Logi på en resa som börjar och slutar samma dag ({date}).",
               "Kontrollera resans end_date, eller kostnadsradens kategori."),
        "en": ("Lodging on a trip that starts and ends on the same day ({date}).",
               "Check the trip's end_date, or the cost line's category.")}),
    # --- principles (warnings)
    "policy-twin-city": (W, {
        "sv": ("Vänortsavtal, men {municipality} tecknar enligt sitt styrdokument inte vänortsavtal.", "Kontrollera avtalstypen; ett samarbetsavtal kräver konkret tema, start- och slutdatum."),
        "en": ("A twin-city agreement, but {municipality}'s policy is to sign no twin-city agreements.", "Check the kind; a cooperation agreement needs a concrete theme, a start and an end date.")}),
    "cooperation-no-end": (W, {
        "sv": ("Samarbetsavtalet saknar slutdatum.", "Enligt principerna ska ett samarbetsavtal ha start- och slutdatum; ange end_date."),
        "en": ("The cooperation agreement has no end date.", "By the principles a cooperation agreement has a start and an end date; give end_date.")}),
    "cooperation-no-theme": (W, {
        "sv": ("Samarbetsavtalet saknar tema.", "Enligt principerna gäller ett samarbetsavtal ett konkret tema; ange themes."),
        "en": ("The cooperation agreement has no theme.", "By the principles a cooperation agreement covers a concrete theme; give themes.")}),
    "review-overdue": (W, {
        "sv": ("Omprövningen skulle ha gjorts senast {date}.", "Ompröva och för in det nya datumet i review_date."),
        "en": ("The review was due by {date}.", "Review it and enter the new date in review_date.")}),
    "review-missing": (W, {
        "sv": ("Inget datum för omprövning; {municipality} omprövar vart {years}:e år.", "Ange review_date."),
        "en": ("No review date; {municipality} reviews every {years} years.", "Give review_date.")}),
    "coordinates-half": (E, {
        "sv": ("Koordinaterna är halva: {missing} saknas.", "Ange både latitude och longitude i decimala grader (t.ex. latitude: 48.8534, longitude: 2.3488), eller ingen av dem."),
        "en": ("Half the coordinates: {missing} is missing.", "Give both latitude and longitude in decimal degrees (e.g. latitude: 48.8534, longitude: 2.3488), or neither.")}),
    "place-unknown": (W, {
        "sv": ("Portalen hittar inte {place} ({country}) bland GeoNames städer; platsen saknas på kartan och resans klimatpåverkan blir okänd.",
               "Kontrollera stavningen, eller ange ortens koordinater: latitude och longitude i decimala grader (t.ex. latitude: 48.8534, longitude: 2.3488)."),
        "en": ("The portal cannot find {place} ({country}) among GeoNames' cities; the place is missing from the map and the trip's climate impact is unknown.",
               "Check the spelling, or give the place's coordinates: latitude and longitude in decimal degrees (e.g. latitude: 48.8534, longitude: 2.3488).")}),
    "trip-no-decision": (W, {
        "sv": ("Resan saknar beslutshänvisning.", "Ange diarienummer (decision: reference) eller beslutsnummer (decision: number)."),
        "en": ("The trip has no decision reference.", "Give the diary number (decision: reference) or decision number (decision: number).")}),
    "trip-no-report": (W, {
        "sv": ("Resan slutade {end} men saknar reserapport efter {days} dagar.", "Lägg till rapporten under report och ange report_date."),
        "en": ("The trip ended on {end} but has no report after {days} days.", "Add the report under report and give report_date.")}),
}


def severity(code: str) -> str:
    return MESSAGES[code][0]


class _Blank(dict):
    def __missing__(self, key):
        return ""


def render(problem, lang: str) -> tuple[str, str]:
    """The message and hint of a problem in `lang` ('sv' or 'en')."""
    params = _Blank(problem.params)
    params.setdefault("field", problem.field or "")
    for l in ("sv", "en"):
        suggestion = problem.params.get("suggestion")
        params[f"suggestion_{l}"] = (f" (menade du '{suggestion}'?)" if l == "sv" else f" (did you mean '{suggestion}'?)") if suggestion else ""
    for name in ("resource", "target"):  # table names as Swedish readers know them: "resor", "organisationer"
        if problem.params.get(name):
            params[f"{name}_sv"] = _swedish_name(problem.params[name])
    message, hint = MESSAGES[problem.code][1][lang]
    return message.format_map(params), hint.format_map(params)


def _swedish_name(resource: str) -> str:
    from generator.entities import schema_descriptor

    try:
        return schema_descriptor(resource)["title"].lower()
    except FileNotFoundError:
        return resource
