// The people the simulated verification authority knows. The first is the platform's demo patient.
export const SEEDED_PEOPLE = [
  {
    name: '张三', idNumber: '110101199003071233',
    bankCards: [{ cardNumber: '6222020200112345678', phone: '13800000001' }],
    socialSecurityCards: ['110101900307123301'],
  },
  { name: '李四', idNumber: '11010519850615201X', bankCards: [{ cardNumber: '6228480010012345671', phone: '13900000002' }], socialSecurityCards: [] },
  { name: '王小明', idNumber: '44030420150301002X', bankCards: [], socialSecurityCards: ['440304150301002001'] },
  { name: '赵敏', idNumber: '310104197811223028', bankCards: [], socialSecurityCards: [] },
];

export function createRegistry(seed = SEEDED_PEOPLE) {
  const byId = new Map();
  const add = (person) => {
    const entry = {
      name: String(person.name).trim(),
      idNumber: String(person.idNumber).trim().toUpperCase(),
      bankCards: (person.bankCards ?? []).map((c) => ({ cardNumber: String(c.cardNumber), phone: String(c.phone) })),
      socialSecurityCards: (person.socialSecurityCards ?? []).map(String),
    };
    byId.set(entry.idNumber, entry);
    return entry;
  };
  seed.forEach(add);
  const find = (name, idNumber) => {
    const person = byId.get(String(idNumber ?? '').trim().toUpperCase());
    return person && person.name === String(name ?? '').trim() ? person : null;
  };
  return {
    add,
    size: () => byId.size,
    idCard: ({ name, idNumber }) => Boolean(find(name, idNumber)),
    bankCard: ({ name, idNumber, cardNumber, phone }) =>
      Boolean(find(name, idNumber)?.bankCards.some((c) => c.cardNumber === cardNumber && c.phone === phone)),
    socialSecurity: ({ name, idNumber, cardNumber }) =>
      Boolean(find(name, idNumber)?.socialSecurityCards.includes(cardNumber)),
  };
}
