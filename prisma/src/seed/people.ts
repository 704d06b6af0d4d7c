/** Deterministic, realistic-looking people for the demo tenants: same input, same directory, every time. */
const FIRST_NAMES = [
  "Adele",
  "Alex",
  "Allan",
  "Ana",
  "Bianca",
  "Brian",
  "Carmen",
  "Christie",
  "Daan",
  "Debra",
  "Diego",
  "Emma",
  "Eva",
  "Femke",
  "Finn",
  "Grady",
  "Hanna",
  "Henrietta",
  "Isaiah",
  "Johanna",
  "Joni",
  "Julia",
  "Lars",
  "Lee",
  "Lidia",
  "Lotte",
  "Lynne",
  "Megan",
  "Miriam",
  "Nestor",
  "Noah",
  "Patti",
  "Pradeep",
  "Raul",
  "Ruben",
  "Sanne",
  "Sofia",
  "Thijs",
  "Yuki",
  "Zara",
];
const LAST_NAMES = [
  "Bakker",
  "Vance",
  "Deyoung",
  "Silva",
  "Rossi",
  "Johnson",
  "Garcia",
  "Cline",
  "de Vries",
  "Berg",
  "Martinez",
  "Jansen",
  "Visser",
  "Smit",
  "Meyer",
  "Archie",
  "Müller",
  "Holland",
  "Murphy",
  "Lindqvist",
  "Sherman",
  "Ortega",
  "Nilsson",
  "Gu",
  "Holloway",
  "Mulder",
  "Robbins",
  "Bowen",
  "Lambert",
  "Wilke",
  "Peeters",
  "Fernandez",
  "Gupta",
  "Dekker",
  "Okafor",
  "Hendriks",
  "Rossi-Kim",
  "Tanaka",
  "Nakamura",
  "O'Brien",
];

export interface Person {
  displayName: string;
  localPart: string;
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** `count` distinct people, starting at `offset` in the name grid so tenants get different directories. */
export function people(count: number, offset: number): Person[] {
  const result: Person[] = [];
  const taken = new Set<string>();
  for (let index = offset; result.length < count; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length + index * 7) % LAST_NAMES.length] as string;
    const round = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
    const localPart = `${slug(first)}.${slug(last)}${round > 0 ? round : ""}`;
    if (taken.has(localPart)) continue;
    taken.add(localPart);
    result.push({ displayName: `${first} ${last}`, localPart });
  }
  return result;
}
