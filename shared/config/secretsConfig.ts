import { z } from '../zodConfig';
import { maxHelpChannels, webhookChannelConfigSchema } from './helpConfig';
import { staffConfigSchema } from './staffConfig';

/**
 * The secrets file (README.md, "Configuration"): the config's secrets in a file of their own, named
 * by the config's `secretsFile`, so that the config itself may be copied, shown and versioned. It
 * has the shape of the config but holds only the secrets, which are merged into the config before
 * it is validated: the staff PIN hashes, and each webhook's secret at its channel's place in
 * `help.channels` (`{}` for a channel whose secret stays in the config).
 */
export const secretsFileSchema = z.strictObject({
  staff: z.strictObject({ pinHashes: staffConfigSchema.shape.pinHashes }).optional(),
  help: z
    .strictObject({
      channels: z
        .array(z.strictObject({ secret: webhookChannelConfigSchema.shape.secret.optional() }))
        .max(maxHelpChannels, `lists more than ${String(maxHelpChannels)} channels`),
    })
    .optional(),
});

export type SecretsFile = z.output<typeof secretsFileSchema>;
