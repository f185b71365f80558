#!/usr/bin/env bash
# Builds the Debian package signet_VERSION_ARCH.deb from the signet executable, with dpkg-deb, and checks it with
# lintian (an error or warning fails the build; what is accepted is overridden in the package with its reason, see docs/install.md).
# Built on the package's own architecture, the executable is Native AOT (needs clang): native code, no JIT, about half
# the memory (docs/performance.md, "Native AOT serve"); its SQLite and libsodium libraries go beside it in /usr/lib/signet.
# Native AOT does not cross-compile, so a package for another architecture gets the ReadyToRun single file instead.
# Usage: bash packaging/build-deb.sh [--version V] [--arch amd64|arm64] [--executable FILE] [--out DIR] [--skip-lintian]
#   --version     the package and program version (default: packaging/VERSION)
#   --executable  a signet already published for that architecture (default: dotnet publish here); the native
#                 libraries (*.so) beside a Native AOT one are packaged with it
#   --out         where the .deb goes (default: artifacts/)
#   --skip-lintian  for a second package of a tree already checked (the upgrade test); never for a release
# Prints the path of the package on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(cat packaging/VERSION) arch=amd64 executable= out=artifacts lint=yes
while (($#)); do
  case $1 in
    --version) version=$2; shift 2 ;;
    --arch) arch=$2; shift 2 ;;
    --executable) executable=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --skip-lintian) lint=no; shift ;;
    *) echo "build-deb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case $arch in
  amd64) rid=linux-x64 ;;
  arm64) rid=linux-arm64 ;;
  *) echo "build-deb.sh: --arch is amd64 or arm64" >&2; exit 2 ;;
esac
for tool in dpkg-deb fakeroot lintian objdump strip; do
  command -v "$tool" > /dev/null || { echo "build-deb.sh: $tool is missing (apt-get install dpkg-dev fakeroot lintian binutils)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$executable" ]; then
  if [ "$(dpkg --print-architecture)" = "$arch" ]; then
    command -v clang > /dev/null || { echo "build-deb.sh: clang is missing, Native AOT links with it (apt-get install clang)" >&2; exit 1; }
    dotnet publish src/Signet -c Release -r "$rid" -p:PublishAot=true -p:Version="$version" --nologo -v quiet -o "$work/publish" >&2
  else
    echo "build-deb.sh: Native AOT does not cross-compile; the $arch package gets the ReadyToRun single file" >&2
    dotnet publish src/Signet -c Release -r "$rid" -p:Version="$version" --nologo -v quiet -o "$work/publish" >&2
  fi
  executable=$work/publish/signet
fi
[ -f "$executable" ] || { echo "build-deb.sh: no executable at $executable" >&2; exit 1; }
# A Native AOT executable loads SQLite and libsodium from its own folder; a single file carries them inside.
mapfile -t libraries < <(find "$(dirname "$executable")" -maxdepth 1 -type f -name '*.so' | sort)

root=$work/root
install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/signet" "$root/etc/signet" "$root/lib/systemd/system" \
  "$root/usr/share/man/man1" "$root/usr/share/doc/signet"
# The program lives in /usr/lib/signet beside its libraries (it finds them through its own real path), with
# /usr/bin/signet a link to it.
install -m 0755 "$executable" "$root/usr/lib/signet/signet"
for library in "${libraries[@]}"; do
  install -m 0644 "$library" "$root/usr/lib/signet/"
  strip --strip-unneeded "$root/usr/lib/signet/$(basename "$library")"
done
ln -s ../lib/signet/signet "$root/usr/bin/signet"
install -m 0644 packaging/signet.conf "$root/etc/signet/signet.conf"
install -m 0644 packaging/signet.service "$root/lib/systemd/system/signet.service"
install -m 0644 packaging/copyright "$root/usr/share/doc/signet/copyright"
# The overrides concern the single file (its bundled runtime); a Native AOT executable needs none.
if ((${#libraries[@]} == 0)); then
  install -d "$root/usr/share/lintian/overrides"
  install -m 0644 packaging/lintian-overrides "$root/usr/share/lintian/overrides/signet"
fi
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
changed=$(date -u -R -d "@$SOURCE_DATE_EPOCH")
printf 'signet (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Signet maintainers <signet@example.org>  %s\n' \
  "$version" "$version" "$changed" | gzip -9n > "$root/usr/share/doc/signet/changelog.gz"

# The man page comes from the help text of the executable being packaged; an arm64 one cannot run here, so it
# borrows the page of a native build of the same source.
man_from=$executable
if [ "$arch" != amd64 ] && [ "$(dpkg --print-architecture)" != "$arch" ]; then
  dotnet publish src/Signet -c Release -r linux-x64 -p:Version="$version" --nologo -v quiet -o "$work/native" >&2
  man_from=$work/native/signet
fi
bash packaging/signet-man.sh "$man_from" "$version" | gzip -9n > "$root/usr/share/man/man1/signet.1.gz"
# Shell completion, generated from the command definitions by the same runnable executable as the man page.
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions"
"$man_from" completion bash > "$root/usr/share/bash-completion/completions/signet"
"$man_from" completion zsh > "$root/usr/share/zsh/vendor-completions/_signet"
chmod 0644 "$root/usr/share/bash-completion/completions/signet" "$root/usr/share/zsh/vendor-completions/_signet"

for script in postinst prerm postrm; do
  install -m 0755 "packaging/debian/$script" "$root/DEBIAN/$script"
done
echo /etc/signet/signet.conf > "$root/DEBIAN/conffiles"
size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
# The C library version is the newest symbol version any shipped ELF file asks for (2.27 at least, .NET's own floor).
# A single file also needs the C++ runtime (its host is C++); Native AOT links its runtime statically.
libc=$( { echo GLIBC_2.27; objdump -T "$root/usr/lib/signet/"* 2>/dev/null | grep -o 'GLIBC_[0-9.]*'; } | sort -uV | tail -1)
libc=${libc#GLIBC_}
if ((${#libraries[@]})); then depends="libc6 (>= $libc)"; else depends="libc6 (>= $libc), libgcc-s1, libstdc++6"; fi
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" \
  packaging/debian/control > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/conffiles" "$root/DEBIAN/control"

mkdir -p "$out"
deb=$out/signet_${version}_${arch}.deb
fakeroot dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >&2
# Errors fail the build; what is accepted is overridden in the package, with the reason (docs/install.md).
if [ "$lint" = yes ]; then
  lintian --fail-on error,warning "$deb" >&2
fi
echo "$deb"
