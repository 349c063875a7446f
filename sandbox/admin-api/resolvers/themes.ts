import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { parseGid } from '../../store/gid.ts';
import type { SandboxTheme, ThemeFile } from '../../store/theme.ts';
import { invalidGlobalId } from '../graphql/errors.ts';
import { requireScope } from './access.ts';
import { connectionOf, positionalList, sortedList, type ConnectionArgs } from './connection.ts';
import type { AdminContext } from './context.ts';
import { dateTime, unsignedInt64 } from './format.ts';
import type { Resolvers } from './resolver-types.ts';

/** Shopify's `*` in a filename pattern: zero or more characters, anything else literal. */
export function filenameMatcher(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

const themeGid = (theme: SandboxTheme) => `gid://shopify/OnlineStoreTheme/${theme.id}`;

interface FileSource {
  file: ThemeFile;
  theme: SandboxTheme;
  index: number;
}

export const themeQueryResolvers: Resolvers<unknown> = {
  themes: (_root, args: ConnectionArgs & { roles?: string[] | null; names?: string[] | null }, ctx: AdminContext, info: GraphQLResolveInfo) => {
    requireScope(ctx, 'themes', 'read_themes');
    const theme = ctx.store.theme;
    const matches = (!args.roles || args.roles.includes('MAIN')) && (!args.names || args.names.includes(theme.name));
    return connectionOf(sortedList(matches ? [theme] : [], (t) => ({ id: t.id, value: t.id }), args.reverse ?? false), args, ctx, info);
  },
  theme: (_root, args: { id: string }, ctx: AdminContext) => {
    requireScope(ctx, 'theme', 'read_themes');
    const parsed = parseGid(args.id);
    if (!parsed) throw invalidGlobalId(args.id);
    return parsed.type === 'OnlineStoreTheme' && parsed.id === ctx.store.theme.id ? ctx.store.theme : null;
  },
};

export const themeResolvers: Record<string, Resolvers<never>> = {
  OnlineStoreTheme: {
    id: (theme: SandboxTheme) => themeGid(theme),
    prefix: () => '/t/1',
    processing: () => false,
    processingFailed: () => false,
    role: () => 'MAIN',
    themeStoreId: () => 887,
    createdAt: (theme: SandboxTheme) => dateTime(theme.createdAt),
    updatedAt: (theme: SandboxTheme) => dateTime(theme.updatedAt),
    files: (theme: SandboxTheme, args: ConnectionArgs & { filenames?: string[] | null }, ctx: AdminContext, info: GraphQLResolveInfo) => {
      const all = theme.files();
      const patterns = args.filenames?.map(filenameMatcher) ?? null;
      const wanted = all.filter((file) => patterns === null || patterns.some((pattern) => pattern.test(file.filename)));
      // A name asked for without a wildcard that the theme does not have is reported, not silently skipped.
      const missing = (args.filenames ?? []).filter((name) => !name.includes('*') && !all.some((file) => file.filename === name));
      const sources: FileSource[] = wanted.map((file, index) => ({ file, theme, index }));
      return {
        ...connectionOf(positionalList(sources, (source) => source.index + 1), args, ctx, info),
        userErrors: missing.map((filename) => ({ code: 'NOT_FOUND', filename })),
      };
    },
  },
  OnlineStoreThemeFile: {
    filename: (source: FileSource) => source.file.filename,
    body: (source: FileSource) => ({ __typename: 'OnlineStoreThemeFileBodyText', content: source.file.content }),
    checksumMd5: (source: FileSource) => createHash('md5').update(source.file.content).digest('hex'),
    contentType: () => 'application/json',
    createdAt: (source: FileSource) => dateTime(source.theme.createdAt),
    updatedAt: (source: FileSource) => dateTime(source.theme.updatedAt),
    size: (source: FileSource) => unsignedInt64(Buffer.byteLength(source.file.content)),
  },
};
