/**
 * Where the stack's secrets live in Parameter Store. The stack names them (and grants
 * reading them) without ever creating them, so no value passes through Terraform; the
 * `live-scores secrets put` command writes them. Pure data: no SDK import, so the cdktf
 * app and the CLI agree on the names without loading the AWS SDK.
 */
export const SECRET_PARAMETERS = {
  vapidPrivateKey: 'vapid-private-key',
  cmsToken: 'cms-token',
  llmApiKey: 'llm-api-key',
} as const;

export type SecretParameter = (typeof SECRET_PARAMETERS)[keyof typeof SECRET_PARAMETERS];

export const isSecretParameter = (name: string): name is SecretParameter =>
  (Object.values(SECRET_PARAMETERS) as string[]).includes(name);

/** `/live-scores/<club slug>/<secret>`: one club's secrets sit under its own path. */
export function secretParameterName(clubSlug: string, secret: SecretParameter): string {
  return `/live-scores/${clubSlug}/${secret}`;
}
