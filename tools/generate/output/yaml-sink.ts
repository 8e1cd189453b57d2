import { join } from 'node:path';
import type { KubeObject } from '../json-types.js';
import { BufferedFile } from './buffered-file.js';
import type { ObjectSink } from './sink.js';
import { formatYaml } from './yaml-format.js';

/** Name of the single multi-document file the YAML format produces. */
export const YAML_FILE_NAME = 'cluster.yaml';

/** Writes every object as its own document into one `cluster.yaml`, separated by `---`. */
export class YamlSink implements ObjectSink {
  readonly #file: BufferedFile;
  #first = true;

  constructor(root: string) {
    this.#file = new BufferedFile(join(root, YAML_FILE_NAME));
  }

  write(object: KubeObject): void {
    this.#file.write(this.#first ? formatYaml(object) : `---\n${formatYaml(object)}`);
    this.#first = false;
  }

  endScope(): void {}

  finish(): number {
    this.#file.close();
    return this.#file.bytes;
  }
}
