/** A minimal XML writer for Open311: element names are fixed by the spec, values are escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters even escaped, so they are dropped
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(v: string): string {
  return v
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [k: string]: XmlValue };

/**
 * Serialises a value under `name`. Arrays become repeated children named by `childName(name)`
 * (services → service, service_requests → request …), objects become nested elements.
 */
export function element(name: string, v: XmlValue, childName: (parent: string) => string): string {
  if (v === null || v === undefined) return `<${name}/>`;
  if (Array.isArray(v)) return `<${name}>${v.map((x) => element(childName(name), x, childName)).join('')}</${name}>`;
  if (typeof v === 'object')
    return `<${name}>${Object.entries(v)
      .map(([k, x]) => element(k, x, childName))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(v))}</${name}>`;
}

const CHILD: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export function xmlDocument(root: string, v: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, v, (p) => CHILD[p] ?? 'item')}`;
}
