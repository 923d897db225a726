import cncharOrder from 'cnchar-order';
import cncharTrad from 'cnchar-trad';

/**
 * cnchar's data, read straight from the two plugins' dictionaries. We do not call
 * `cnchar.stroke(c, 'order', 'name')` per character: that needs cnchar's core, which adds methods
 * to String.prototype when loaded and prints warnings for some arguments, and it would be
 * thousands of calls at start-up. What it returns is exactly `strokeTable[letter].name` for each
 * letter of `orders[c]`; the tests check that this stays so for every character. Likewise `tradToSimple` below reproduces
 * `cnchar.convert.tradToSimple` for one character (checked by a test too).
 *
 * Importing the plugins has no side effect besides defining them (no prototype patching, no
 * globals under Node); the dictionaries are built by the modules themselves, so there is no I/O.
 */

interface OrderDictionary {
  /** character -> one letter per stroke, in writing order */
  readonly orders: Readonly<Record<string, string>>;
  /** letter -> stroke description; `name` may list alternatives ("横撇|横钩") */
  readonly strokeTable: Readonly<Record<string, { readonly name: string }>>;
}

interface TradDictionary {
  /** two strings of equal length: simple[i] is the simplified form of trad[i] */
  readonly trad: { readonly simple: string; readonly trad: string };
}

function dictionaryOf<T>(
  plugin: unknown,
  label: string,
  check: (dict: Record<string, unknown>) => boolean,
): T {
  const dict = (plugin as { dict?: Record<string, unknown> } | undefined)?.dict;
  if (!dict || !check(dict)) throw new Error(`${label}: unexpected data layout (has the package changed?)`);
  return dict as T;
}

let orderDictionary: OrderDictionary | undefined;
function orders(): OrderDictionary {
  orderDictionary ??= dictionaryOf<OrderDictionary>(
    cncharOrder,
    'cnchar-order',
    (d) => typeof d.orders === 'object' && typeof d.strokeTable === 'object',
  );
  return orderDictionary;
}

/**
 * cnchar-order's stroke order of a character: one letter per stroke (see cncharStrokeNameOf), or
 * undefined if it has none. The letters are what the character table is built from: classifying
 * 26 letters once is much cheaper at start-up than naming the 60,000-odd strokes one by one.
 */
export function cncharStrokeLetters(character: string): string | undefined {
  const byCharacter = orders().orders;
  return Object.hasOwn(byCharacter, character) ? byCharacter[character] : undefined;
}

/** The name of the stroke a letter stands for; it may list alternatives ("横撇|横钩"). */
export function cncharStrokeNameOf(letter: string): string {
  const stroke = orders().strokeTable[letter];
  if (!stroke) throw new Error(`cnchar-order: the letter ${letter} is not in its stroke table`);
  return stroke.name;
}

/** The named strokes cnchar-order gives a character, or undefined if it has none. */
export function cncharStrokeNames(character: string): string[] | undefined {
  const letters = cncharStrokeLetters(character);
  return letters === undefined ? undefined : Array.from(letters, cncharStrokeNameOf);
}

/** Every character cnchar-order has a stroke order for. */
export function cncharCharacters(): string[] {
  return Object.keys(orders().orders);
}

let tradToSimpleMap: Map<string, string> | undefined;

/**
 * cnchar-trad's simplified form of one character, or undefined when it lists none. When a
 * traditional character is listed twice (餘 → 余 and 馀) the first pair wins, as in
 * `cnchar.convert.tradToSimple`.
 */
export function cncharTradToSimple(character: string): string | undefined {
  if (!tradToSimpleMap) {
    const { trad } = dictionaryOf<TradDictionary>(
      cncharTrad,
      'cnchar-trad',
      (d) => typeof (d.trad as TradDictionary['trad'] | undefined)?.simple === 'string',
    );
    const simple = Array.from(trad.simple);
    const traditional = Array.from(trad.trad);
    if (simple.length !== traditional.length)
      throw new Error('cnchar-trad: simple and trad lists differ in length');
    const map = new Map<string, string>();
    traditional.forEach((t, i) => {
      if (!map.has(t)) map.set(t, simple[i]!);
    });
    tradToSimpleMap = map;
  }
  return tradToSimpleMap.get(character);
}

/** Every traditional character cnchar-trad maps, with its simplified form. */
export function cncharTradPairs(): [traditional: string, simplified: string][] {
  cncharTradToSimple('');
  return [...tradToSimpleMap!];
}
