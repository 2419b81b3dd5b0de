"""all-MiniLM-L6-v2 in plain torch: the same sentence vectors as ``sentence_transformers``, without importing it.

Importing ``sentence_transformers`` (and with it ``transformers``' BERT) costs ~5 s of CPU in every process that
embeds; this module needs only ``torch``, ``tokenizers`` and ``safetensors``, and reads the bundled files the
same way: the WordPiece tokenizer of ``tokenizer.json`` truncated to ``max_seq_length`` (256), BERT's encoder
(post-LayerNorm, GELU, absolute positions, token type 0), mean pooling over the tokens and L2 normalisation.
One text per forward pass: no padding, so a vector depends on its text alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["MiniLM", "load_minilm"]


def _modules():
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self, hidden: int, heads: int, intermediate: int, eps: float):
            super().__init__()
            self.heads = heads
            self.query, self.key, self.value = (nn.Linear(hidden, hidden) for _ in range(3))
            self.attention_out = nn.Linear(hidden, hidden)
            self.attention_norm = nn.LayerNorm(hidden, eps=eps)
            self.intermediate = nn.Linear(hidden, intermediate)
            self.out = nn.Linear(intermediate, hidden)
            self.out_norm = nn.LayerNorm(hidden, eps=eps)

        def forward(self, x):  # x: (1, n, hidden)
            n, hidden = x.shape[1], x.shape[2]
            d = hidden // self.heads

            def split(t):
                return t.view(1, n, self.heads, d).transpose(1, 2)

            context = torch.nn.functional.scaled_dot_product_attention(
                split(self.query(x)), split(self.key(x)), split(self.value(x))
            )
            context = context.transpose(1, 2).reshape(1, n, hidden)
            x = self.attention_norm(self.attention_out(context) + x)
            return self.out_norm(self.out(torch.nn.functional.gelu(self.intermediate(x))) + x)

    class Encoder(nn.Module):
        def __init__(self, config: dict[str, Any]):
            super().__init__()
            hidden, eps = config["hidden_size"], config["layer_norm_eps"]
            self.words = nn.Embedding(config["vocab_size"], hidden)
            self.positions = nn.Embedding(config["max_position_embeddings"], hidden)
            self.token_types = nn.Embedding(config["type_vocab_size"], hidden)
            self.norm = nn.LayerNorm(hidden, eps=eps)
            self.layers = nn.ModuleList(
                Layer(hidden, config["num_attention_heads"], config["intermediate_size"], eps)
                for _ in range(config["num_hidden_layers"])
            )

        def forward(self, ids):  # ids: (1, n) → (1, n, hidden)
            n = ids.shape[1]
            x = self.words(ids) + self.positions.weight[:n].unsqueeze(0) + self.token_types.weight[0]
            x = self.norm(x)
            for layer in self.layers:
                x = layer(x)
            return x

    return Encoder


_RENAME = {
    "attention.self.query": "query",
    "attention.self.key": "key",
    "attention.self.value": "value",
    "attention.output.dense": "attention_out",
    "attention.output.LayerNorm": "attention_norm",
    "intermediate.dense": "intermediate",
    "output.dense": "out",
    "output.LayerNorm": "out_norm",
}


def _state_dict(path: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    raw = load_file(str(path))
    out = {}
    for name, tensor in raw.items():
        name = name.removeprefix("bert.")
        if name.startswith("pooler.") or name.endswith("position_ids"):
            continue
        if name.startswith("embeddings."):
            part = name.removeprefix("embeddings.")
            part = part.replace("word_embeddings", "words").replace("position_embeddings", "positions")
            part = part.replace("token_type_embeddings", "token_types").replace("LayerNorm", "norm")
            out[part] = tensor
            continue
        prefix, _, rest = name.removeprefix("encoder.layer.").partition(".")
        module, _, kind = rest.rpartition(".")
        out[f"layers.{prefix}.{_RENAME[module]}.{kind}"] = tensor
    return out


class MiniLM:
    """Sentence vectors from the bundled all-MiniLM-L6-v2 files (``encode`` mirrors the used subset of
    ``SentenceTransformer.encode``)."""

    def __init__(self, model_dir: Path):
        import torch
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        st_config_path = model_dir / "sentence_bert_config.json"
        st_config = json.loads(st_config_path.read_text(encoding="utf-8")) if st_config_path.is_file() else {}
        self.max_seq_length = int(st_config.get("max_seq_length", 256))
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        encoder = _modules()(config)
        encoder.load_state_dict(_state_dict(model_dir / "model.safetensors"), strict=True)
        self.encoder = encoder.eval()
        self._torch = torch

    def encode(self, texts: list[str], **_ignored: Any) -> np.ndarray:
        """L2-normalised mean-pooled vectors, one text per forward pass."""
        torch = self._torch
        out = np.zeros((len(texts), self.encoder.norm.normalized_shape[0]), dtype=np.float32)
        with torch.inference_mode():
            for i, text in enumerate(texts):
                ids = torch.tensor([self.tokenizer.encode(text).ids], dtype=torch.long)
                vector = self.encoder(ids)[0].mean(dim=0)
                out[i] = (vector / max(float(vector.norm()), 1e-12)).numpy()
        return out


def load_minilm(model_dir: Path) -> MiniLM:
    """The encoder of ``model_dir`` (a sentence-transformers folder of a BERT model with mean pooling)."""
    return MiniLM(model_dir)
