"""Readers of other notations: PyTorch source, MATLAB layer arrays, Caffe prototxt, Keras JSON and
ONNX. Each reads its file into the same IR as the spec language (through `graph.py` when the
notation describes a graph), with spans in the user's file; notations.py registers them."""
