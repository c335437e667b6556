#!/usr/bin/env bash
# Installs the Debian packages the package builds against, and those the Python tests run
# with (pytest, numpy and PyTorch for Debian's /usr/bin/python3), when any is missing.
# Idempotent: does nothing (and needs no network) when everything is present.
set -euo pipefail
needed=(libglpk-dev libboost-graph-dev libopenblas-dev pkg-config dataset-fashion-mnist zlib1g-dev
        python3-pytest python3-numpy python3-torch)
missing=()
for package in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
