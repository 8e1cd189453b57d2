/**
 * Where the docs live on the web. SARIF needs absolute URIs (`helpUri`, `informationUri`), so this is the one
 * place that names the project's home; every link is derived from it and an id.
 */

/** The project's home page. */
export const PROJECT_URL = 'https://github.com/chokepoint/chokepoint';

/** The generated doc page of a technique: `docs/techniques/<id>.md`. */
export function techniqueDocUrl(id: string): string {
  return `${PROJECT_URL}/blob/main/docs/techniques/${id}.md`;
}

/** The risk model, where plan items (fixes) are explained. */
export const RISK_MODEL_URL = `${PROJECT_URL}/blob/main/docs/risk-model.md`;
