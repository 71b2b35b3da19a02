/**
 * @module voice/testing/test-model
 * Writes a tiny-shaped whisper.cpp model whose weights are all zero except a few that make the
 * decoder "say" a fixed phrase, whatever the audio: with zero attention and MLP weights the
 * residual stream is just token embedding + position embedding, and the output projection is tied
 * to the token embedding, so a one-hot position row picks the next token. That lets tests run the
 * real whisper-cli binary end to end (model loading, decoding, -ojf JSON) on a machine that cannot
 * download real weights. It proves the plumbing, not recognition quality.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const GGML_FILE_MAGIC = 0x67676d6c; // "ggml"
const F32 = 0;
const F16 = 1;

// tiny: n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype
const N_VOCAB = 51865; // multilingual
const N_AUDIO_CTX = 1500;
const N_STATE = 384;
const N_LAYER = 4;
const N_TEXT_CTX = 448;
const N_MELS = 80;
const N_TEXT_TOKENS = 50257; // ids below this are text; whisper.cpp adds the special tokens
const TOKEN_EOT = 50257;
const TOKEN_BEG = 50364; // multilingual: 50363 + 1
/** The decoder prompt is [SOT, language, transcribe]; generated token k is predicted at position 2 + k. */
const PROMPT_LEN = 3;
const PEAK = 30;

/** Writes the model and returns the phrase it will produce. */
export async function writeTestModel(file: string, words: readonly string[] = ['petrol', 'five', 'hundred']): Promise<string> {
  const wordIds = words.map((_, i) => 1000 + i);
  // The sequence the decoder must emit: a start timestamp, the words, an end timestamp (1.0 s), EOT.
  const sequence = [TOKEN_BEG, ...wordIds, TOKEN_BEG + 50, TOKEN_EOT];

  const out = createWriteStream(file);
  const write = async (b: Buffer): Promise<void> => {
    if (!out.write(b)) await once(out, 'drain');
  };
  const i32s = (...ns: number[]): Buffer => {
    const b = Buffer.alloc(4 * ns.length);
    ns.forEach((n, i) => b.writeInt32LE(n, 4 * i));
    return b;
  };

  const header = Buffer.alloc(4);
  header.writeUInt32LE(GGML_FILE_MAGIC, 0);
  await write(header);
  await write(i32s(N_VOCAB, N_AUDIO_CTX, N_STATE, 6, N_LAYER, N_TEXT_CTX, N_STATE, 6, N_LAYER, N_MELS, 1));
  await write(i32s(N_MELS, 201));
  await write(Buffer.alloc(N_MELS * 201 * 4));

  await write(i32s(N_TEXT_TOKENS));
  for (let i = 0; i < N_TEXT_TOKENS; i++) {
    // whisper.cpp looks up " " by name (blank suppression), so it must exist.
    const w = i === 220 ? ' ' : wordIds.includes(i) ? ` ${words[wordIds.indexOf(i)]}` : ` w${i}`;
    const b = Buffer.from(w, 'utf8');
    await write(Buffer.concat([i32s(b.length), b]));
  }

  const tensor = async (name: string, type: number, ne: number[], fill?: (data: Buffer) => void): Promise<void> => {
    const n = ne.reduce((a, b) => a * b, 1);
    const nameBuf = Buffer.from(name, 'utf8');
    await write(Buffer.concat([i32s(ne.length, nameBuf.length, type), i32s(...ne), nameBuf]));
    const data = Buffer.alloc(n * (type === F16 ? 2 : 4));
    fill?.(data);
    await write(data);
  };

  await tensor('encoder.positional_embedding', F32, [N_STATE, N_AUDIO_CTX]);
  await tensor('encoder.conv1.weight', F16, [3, N_MELS, N_STATE]);
  await tensor('encoder.conv1.bias', F32, [1, N_STATE]);
  await tensor('encoder.conv2.weight', F16, [3, N_STATE, N_STATE]);
  await tensor('encoder.conv2.bias', F32, [1, N_STATE]);
  await tensor('encoder.ln_post.weight', F32, [N_STATE]);
  await tensor('encoder.ln_post.bias', F32, [N_STATE]);
  for (const sys of ['encoder', 'decoder'] as const) {
    for (let l = 0; l < N_LAYER; l++) {
      const blocks = sys === 'encoder' ? [''] : ['', 'cross_'];
      const p = `${sys}.blocks.${l}.`;
      await tensor(`${p}mlp_ln.weight`, F32, [N_STATE]);
      await tensor(`${p}mlp_ln.bias`, F32, [N_STATE]);
      await tensor(`${p}mlp.0.weight`, F16, [N_STATE, 4 * N_STATE]);
      await tensor(`${p}mlp.0.bias`, F32, [4 * N_STATE]);
      await tensor(`${p}mlp.2.weight`, F16, [4 * N_STATE, N_STATE]);
      await tensor(`${p}mlp.2.bias`, F32, [N_STATE]);
      for (const b of blocks) {
        await tensor(`${p}${b}attn_ln.weight`, F32, [N_STATE]);
        await tensor(`${p}${b}attn_ln.bias`, F32, [N_STATE]);
        await tensor(`${p}${b}attn.query.weight`, F16, [N_STATE, N_STATE]);
        await tensor(`${p}${b}attn.query.bias`, F32, [N_STATE]);
        await tensor(`${p}${b}attn.key.weight`, F16, [N_STATE, N_STATE]);
        await tensor(`${p}${b}attn.value.weight`, F16, [N_STATE, N_STATE]);
        await tensor(`${p}${b}attn.value.bias`, F32, [N_STATE]);
        await tensor(`${p}${b}attn.out.weight`, F16, [N_STATE, N_STATE]);
        await tensor(`${p}${b}attn.out.bias`, F32, [N_STATE]);
      }
    }
  }
  // Position 2 + k points at dimension k; the token to emit at step k owns dimension k.
  await tensor('decoder.positional_embedding', F32, [N_STATE, N_TEXT_CTX], (d) => {
    sequence.forEach((_, k) => d.writeFloatLE(PEAK, 4 * ((PROMPT_LEN - 1 + k) * N_STATE + k)));
  });
  await tensor('decoder.token_embedding.weight', F16, [N_STATE, N_VOCAB], (d) => {
    sequence.forEach((tok, k) => d.writeUInt16LE(0x3c00 /* 1.0 */, 2 * (tok * N_STATE + k)));
  });
  await tensor('decoder.ln.weight', F32, [N_STATE], (d) => {
    for (let i = 0; i < N_STATE; i++) d.writeFloatLE(1, 4 * i);
  });
  await tensor('decoder.ln.bias', F32, [N_STATE]);

  out.end();
  await once(out, 'finish');
  return words.join(' ');
}
