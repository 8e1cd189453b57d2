/** Any JSON value the generator emits; undefined members are skipped when serialised. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;

/** A JSON object whose optional members may be left undefined. */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

/** ObjectMeta: always a name and uid, a namespace for namespaced kinds. */
export type ObjectMeta = JsonObject & {
  readonly name: string;
  readonly namespace?: string;
  readonly uid: string;
};

/** The fields every emitted Kubernetes object has. */
export interface KubeObject extends JsonObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
}

/** String-to-string maps such as labels, annotations and selectors. */
export type StringMap = Readonly<Record<string, string>>;
