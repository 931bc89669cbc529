import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/**
 * The OASIS Akoma Ntoso 3.0 schema, kept by the team beside the repository
 * (`../shared/schemas/akomantoso30.xsd` from the repository's root, with the `xml.xsd` it
 * imports). `AKN_SCHEMAS` names another folder holding the two files.
 */
export const AKN_SCHEMA_DIR = process.env.AKN_SCHEMAS ?? path.resolve(__dirname, '../../../shared/schemas');

export interface AknValidation {
  valid: boolean;
  errors: string[];
}

/** Validates with libxml2 compiled to WebAssembly, so no xmllint needs to be installed. */
export async function validateAkn(xml: string, fileName: string): Promise<AknValidation> {
  const file = (name: string) => {
    const full = path.join(AKN_SCHEMA_DIR, name);
    if (!fs.existsSync(full)) throw new Error(`The Akoma Ntoso schema is not at ${full}: set AKN_SCHEMAS to the folder holding akomantoso30.xsd and xml.xsd`);
    return { fileName: name, contents: fs.readFileSync(full, 'utf8') };
  };
  const result = await validateXML({ xml: { fileName, contents: xml }, schema: file('akomantoso30.xsd'), preload: [file('xml.xsd')] });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
