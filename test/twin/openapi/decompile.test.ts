// Recovering JSON schemas from kubernetes-models' compiled Ajv validators.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decompileValidator } from '../../../sim/twin/openapi/decompile.ts';
import { kindSchema, schemaByDefinition } from '../../../sim/twin/openapi/index.ts';

// A module in the exact shape Ajv standalone emits for kubernetes-models (hand-trimmed).
const SAMPLE =
  'import{formats}from"@kubernetes-models/validate";export const validate=validate0;let schema1_enum=["A","B"];' +
  'function validate1(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if("string"!=typeof data&&null!==data){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"string"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(!("A"===data||"B"===data)){let err1={instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues:schema1_enum}};null===vErrors?vErrors=[err1]:vErrors.push(err1),errors++}return validate1.errors=vErrors,0===errors}' +
  'import{validate as validate4}from"./IoK8sApiCoreV1Thing.js";' +
  'function validate3(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(!Array.isArray(data)){let err0={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"array"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}if(Array.isArray(data)){let len0=data.length;for(let i0=0;i0<len0;i0++)validate4(data[i0],{instancePath:instancePath+"/"+i0,parentData:data,parentDataProperty:i0,rootData})||(errors=(vErrors=null===vErrors?validate4.errors:vErrors.concat(validate4.errors)).length)}return validate3.errors=vErrors,0===errors}' +
  'function validate0(data,{instancePath="",parentData,parentDataProperty,rootData=data}={}){let vErrors=null,errors=0;if(data&&"object"==typeof data&&!Array.isArray(data)){if(void 0===data.items){let err0={instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty:"items"}};null===vErrors?vErrors=[err0]:vErrors.push(err0),errors++}void 0!==data.mode&&(validate1(data.mode,{instancePath:instancePath+"/mode",parentData:data,parentDataProperty:"mode",rootData})||(errors=1)),void 0!==data.items&&(validate3(data.items,{instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData})||(errors=1)),void 0!==data["x-y"]&&(validate1(data["x-y"],{instancePath:instancePath+"/x-y",parentData:data,parentDataProperty:"x-y",rootData})||(errors=1))}else{let err2={instancePath,schemaPath:"#/type",keyword:"type",params:{type:"object"}};null===vErrors?vErrors=[err2]:vErrors.push(err2),errors++}return validate0.errors=vErrors,0===errors}';

describe('decompileValidator', () => {
  it('recovers type, required, enum, nullable, items, $ref and odd property names', () => {
    expect(decompileValidator(SAMPLE)).toEqual({
      type: 'object',
      required: ['items'],
      properties: {
        mode: { type: 'string', enum: ['A', 'B'], nullable: true },
        items: { type: 'array', items: { $ref: 'IoK8sApiCoreV1Thing' } },
        'x-y': { type: 'string', enum: ['A', 'B'], nullable: true },
      },
    });
  });

  it('rejects text that is not a validator module', () => {
    expect(() => decompileValidator('export const x = 1;')).toThrow(/no exported validate/);
  });

  it.each([
    ['apps', 'v1', 'Deployment', ['apiVersion', 'kind', 'metadata', 'spec', 'status']],
    ['', 'v1', 'Pod', ['apiVersion', 'kind', 'metadata', 'spec', 'status']],
    ['scheduling.k8s.io', 'v1', 'PriorityClass', ['apiVersion', 'description', 'globalDefault', 'kind', 'metadata', 'preemptionPolicy', 'value']],
  ])('%s/%s %s has upstream top-level fields', (group, version, kind, fields) => {
    expect(Object.keys(kindSchema(group, version, kind)!.properties!).sort()).toEqual(fields);
  });

  it('reads the real DeploymentSpec: required selector and template, int32 replicas, $refs', () => {
    const spec = schemaByDefinition('IoK8sApiAppsV1DeploymentSpec')!;
    expect(spec.required).toEqual(['selector', 'template']);
    expect(spec.properties!['replicas']).toMatchObject({ type: 'integer', format: 'int32' });
    expect(spec.properties!['template']).toEqual({ $ref: 'IoK8sApiCoreV1PodTemplateSpec' });
  });

  it('reads maps (additionalProperties) and oneOf', () => {
    expect(schemaByDefinition('IoK8sApimachineryPkgApisMetaV1ObjectMeta')!.properties!['labels']!.additionalProperties).toMatchObject({ type: 'string' });
    expect(schemaByDefinition('IoK8sApimachineryPkgUtilIntstrIntOrString')!.oneOf!.map((s) => s.type)).toEqual(['string', 'integer']);
  });

  it('accounts for every validator call in every installed module (except the CRD JSONSchemaProps)', () => {
    const require = createRequire(import.meta.url);
    const dirs = ['kubernetes-models', '@kubernetes-models/apimachinery'].map((p) => join(dirname(require.resolve(`${p}/package.json`)), '_schemas'));
    const unexplained: string[] = [];
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
        const src = readFileSync(join(dir, f), 'utf8');
        decompileValidator(src);
        const calls = (src.match(/(?<!function )validate\d+\(data/g) ?? []).length;
        const known =
          (src.match(/validate\d+\(data(\.[\w$]+|\["[^"]*"\]),\{instancePath:instancePath\+/g) ?? []).length +
          (src.match(/validate\d+\(data\[(i0|key0)\]/g) ?? []).length +
          (src.match(/validate\d+\(data,\{instancePath,parentData/g) ?? []).length;
        if (calls !== known && !f.includes('JSONSchemaProps')) unexplained.push(f);
      }
    }
    expect(unexplained).toEqual([]);
  });
});
