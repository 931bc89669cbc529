import { useTranslation } from 'react-i18next';
import { CompiledText } from '../draft/CompiledText';

/**
 * An amendment in bracket notation. The notation's keywords are English ("replace … with"), the
 * form delegates type and documents print; in another interface language the bracket is drawn with
 * translated keywords instead, the sponsors and words unchanged.
 */
export function Notation({ text, className }: { text: string; className?: string }) {
  const { i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return <code className={className}>{english ? text : <CompiledText compiled={text} />}</code>;
}
