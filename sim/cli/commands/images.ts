// `kis images <profile>`: the container images a lab cluster must have preloaded (air-gapped labs).
import { loadProfile, ProfileLoadError, formatErrors, profileImages } from '../../profile/index.ts';
import { UsageError, type Command } from '../command.ts';

export const imagesCommand: Command = {
  name: 'images',
  summary: 'List the container images a profile needs, one per line (preload them on air-gapped lab clusters)',
  usage: 'kis images <profile.yaml>',
  options: { help: { type: 'boolean', short: 'h', description: 'show this help' } },
  allowPositionals: true,
  async run({ positionals }) {
    if (positionals.length !== 1) throw new UsageError('name exactly one profile');
    try {
      for (const image of profileImages(loadProfile(positionals[0]!))) console.log(image);
      return 0;
    } catch (e) {
      if (!(e instanceof ProfileLoadError)) throw e;
      console.error(formatErrors(e.errors));
      return 2;
    }
  },
};
