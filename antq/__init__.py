"""antq: Vietnamese news on "Toàn dân bảo vệ an ninh Tổ quốc" as reviewed, structured data.

This package holds the command line and the jobs that compose the stages
(clean → extract → store → export); each stage lives in its own top-level package.
"""

__version__ = "0.1.0"
